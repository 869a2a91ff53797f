package org.qingyuan.region;

import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.NotFoundException;

/** No division has this code. */
public class DivisionNotFoundException extends NotFoundException {

    private final DivisionCode code;

    public DivisionNotFoundException(DivisionCode code) {
        super("区划代码 " + code + " 不存在");
        this.code = code;
    }

    public DivisionCode code() {
        return code;
    }
}
