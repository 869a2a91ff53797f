package org.qingyuan.organisation.internal;

/** A member of the district's leading group (领导小组): 组长, 副组长 or 成员, with the unit and post they hold. */
public record LeadingGroupMember(long id, Role role, String person, String unit, String post, int version) {

    public enum Role {
        LEADER("组长"), DEPUTY("副组长"), MEMBER("成员");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
