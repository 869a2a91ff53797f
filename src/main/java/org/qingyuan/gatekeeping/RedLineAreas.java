package org.qingyuan.gatekeeping;

import java.util.List;

import org.qingyuan.shared.DivisionCode;

/** The active red-line areas that apply in a division, for other modules to show (the battle map's layer). */
public interface RedLineAreas {

    /** The active areas kept by the division, by a division above it or below it (cached per node for five seconds). */
    List<RedLineArea> applicable(DivisionCode division);
}
