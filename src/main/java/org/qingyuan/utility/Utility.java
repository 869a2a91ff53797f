package org.qingyuan.utility;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.qingyuan.rectification.Requirement;

/** A utility that receives orders; its officers are the department officers of its department. */
public enum Utility {
    /** 供水: the water utility (department {@code WATER_SUPPLY}). */
    WATER("供水", "水", "WATER_SUPPLY"),
    /** 供电: the power utility (department {@code POWER_SUPPLY}). */
    POWER("供电", "电", "POWER_SUPPLY"),
    /** 供气: the gas utility (department {@code GAS_SUPPLY}); its orders complete no case item. */
    GAS("供气", "气", "GAS_SUPPLY");

    private final String label;
    private final String medium;
    private final String departmentCode;

    Utility(String label, String medium, String departmentCode) {
        this.label = label;
        this.medium = medium;
        this.departmentCode = departmentCode;
    }

    public String label() {
        return label;
    }

    /** 水, 电, 气: as in 断水, 限电, 恢复供气. */
    public String medium() {
        return medium;
    }

    public String departmentCode() {
        return departmentCode;
    }

    /** The utility whose officers belong to the department, if it is one. */
    public static Optional<Utility> ofDepartment(String departmentCode) {
        return Arrays.stream(values()).filter(u -> u.departmentCode.equals(departmentCode)).findFirst();
    }

    /**
     * The case items an executed order of this kind proves, in order of preference: 断水 for a water cut; 断电, else
     * 取消动力电供应, for a power cut; 取消动力电供应 for a power limit. None for gas and for restoring.
     */
    public List<Requirement> itemsProvedBy(SupplyAction action) {
        return switch (this) {
            case WATER -> action == SupplyAction.CUT ? List.of(Requirement.CUT_WATER) : List.of();
            case POWER -> switch (action) {
                case CUT -> List.of(Requirement.CUT_POWER, Requirement.POWER_CANCELLED);
                case LIMIT -> List.of(Requirement.POWER_CANCELLED);
                case RESTORE -> List.of();
            };
            case GAS -> List.of();
        };
    }
}
