package org.qingyuan.assessment;

/** Why the record was made (001 五: 漏报、瞒报、假报; 002 六4: 工作不力). */
public enum AccountabilityGround {
    /** 漏报. */
    OMITTED("漏报"),
    /** 瞒报. */
    CONCEALED("瞒报"),
    /** 假报. */
    FALSE("假报"),
    /** 工作不力、责任不落实. */
    POOR_WORK("工作不力"),
    /** 其他（含表彰的事由）. */
    OTHER("其他");

    private final String label;

    AccountabilityGround(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
