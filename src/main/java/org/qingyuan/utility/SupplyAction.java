package org.qingyuan.utility;

/** What a utility order asks. */
public enum SupplyAction {
    /** 断: cut the supply. */
    CUT("断"),
    /** 限: limit the supply (e.g. 停限电, 取消动力电). */
    LIMIT("限"),
    /** 恢复: restore the supply; refused by {@link RestoreRule} after a shutdown. */
    RESTORE("恢复供");

    private final String prefix;

    SupplyAction(String prefix) {
        this.prefix = prefix;
    }

    /** The order's name for a utility: 断电, 限水, 恢复供气. */
    public String label(Utility utility) {
        return prefix + utility.medium();
    }
}
