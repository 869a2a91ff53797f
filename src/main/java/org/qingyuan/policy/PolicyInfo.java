package org.qingyuan.policy;

import java.time.LocalDate;

/**
 * What a policy is and where it comes from.
 *
 * @param id e.g. {@code shuimogou-2017}
 * @param version a new version for every change; classifications record it
 * @param title the document's title
 * @param issuer who issued it
 * @param document its number, e.g. 水政办〔2017〕67号
 * @param issued its date, or null when the document bears none
 * @param region the division it governs (a code prefix), e.g. 650105
 * @param seed the source file in the project's seed documents
 * @param summary one paragraph in Chinese
 * @param noneLabel how the policy names an enterprise that falls in no category
 * @param contentHash SM3 of the policy file, hex
 */
public record PolicyInfo(String id, int version, String title, String issuer, String document, LocalDate issued,
                         String region, String seed, String summary, String noneLabel, String contentHash) {
}
