package org.qingyuan.ledger;

/**
 * A fact that a plan (实施方案) declares beyond the eleven {@link Fact}s of the forms, recordable on an enterprise
 * (yes / no, with source and date) so that the plan can classify it.
 *
 * @param name the name in the plan and in {@code facts} (e.g. {@code obsoleteCapacity})
 * @param label the Chinese label the plan gives it (e.g. 是否属于淘汰落后产能): the form's field and the template's column
 * @param question what to ask when it is unknown
 * @param yes how a true value reads (是 / 有)
 * @param no how a false value reads (否 / 无)
 */
public record DeclaredFact(String name, String label, String question, String yes, String no) {
}
