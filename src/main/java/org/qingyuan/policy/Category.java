package org.qingyuan.policy;

import java.util.List;

/**
 * A category built from the test results, e.g. 散乱 in 004 附件1.
 *
 * @param id the category as the document writes it, e.g. 散乱 or 关停取缔类
 * @param label a longer name
 * @param definition the document's definition
 * @param condition the condition over the tests, in Chinese
 * @param source the section of the document it encodes
 * @param disposals its measures, by zone, first match wins
 */
public record Category(String id, String label, String definition, String condition, String source, List<Disposal> disposals) {

    /** The category answered when no category applies. */
    public static final String NONE = "NONE";

    /** The category answered when unknown facts could change the result. */
    public static final String UNDETERMINED = "UNDETERMINED";
}
