package org.qingyuan.policy;

/**
 * One enterprise fact that policies test.
 *
 * @param name the name in the ledger's {@code facts} object, e.g. {@code hasFireApproval}
 * @param type boolean or text
 * @param label the column or item as the forms write it, e.g. 有无消防手续
 * @param question what to ask when the fact is unknown
 * @param yes how a true value reads, e.g. 有
 * @param no how a false value reads, e.g. 无
 * @param origin where the fact comes from (a form column, or the policy that declares it)
 */
public record FactDefinition(String name, FactType type, String label, String question, String yes, String no, String origin) {

    /** The value as the forms write it: 有 / 无, 是 / 否, or the text. */
    public String display(Object value) {
        if (value == null) {
            return "未知";
        }
        if (value instanceof Boolean b) {
            return b ? yes : no;
        }
        return value.toString();
    }
}
