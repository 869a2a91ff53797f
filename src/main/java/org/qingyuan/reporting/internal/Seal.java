package org.qingyuan.reporting.internal;

import java.util.List;

import org.qingyuan.reporting.Submission;
import org.qingyuan.reporting.SubmissionFile;
import org.qingyuan.shared.Sm3;

/**
 * The seal of a submission: the SM3 digest of a manifest that names the report, period and unit, the instant the data
 * are as of, each file with its size and SM3 digest, the submitter's account and the time. Anyone holding the files can
 * recompute it; {@link #valid} does.
 */
final class Seal {

    private Seal() {
    }

    static String manifest(Submission s, List<SubmissionFile> files, String username, String displayName, java.time.Instant at) {
        Submission.Subject j = s.subject();
        StringBuilder m = new StringBuilder();
        m.append("清源报送件\n");
        m.append("报表：").append(j.dutyTitle()).append("（").append(j.policyId()).append('/').append(j.dutyId()).append("）\n");
        m.append("期间：").append(j.periodLabel()).append("（").append(j.periodKey()).append("），截止 ").append(j.cutOff())
                .append("，应报 ").append(j.due()).append('\n');
        m.append("单位：").append(j.unitName()).append("（").append(j.unitKey()).append("）\n");
        m.append("数据截至：").append(s.asOf()).append('\n');
        m.append("第 ").append(s.generation()).append(" 次报送");
        if (s.supersedes() != null) {
            m.append("，更正 #").append(s.supersedes());
        }
        m.append('\n');
        for (SubmissionFile f : files) {
            m.append("文件：").append(f.part()).append(' ').append(f.fileName()).append(' ').append(f.size()).append(" 字节 SM3:")
                    .append(f.sm3()).append('\n');
        }
        m.append("报送人：").append(username).append("（").append(displayName).append("）\n");
        m.append("报送时间：").append(at).append('\n');
        return m.toString();
    }

    static String of(String manifest) {
        return Sm3.hex(manifest);
    }

    /** The seal matches the manifest, the manifest lists exactly the files, and each file's bytes match its digest. */
    static boolean valid(Submission s, List<SubmissionFile> files, java.util.function.Function<String, byte[]> content) {
        if (s.manifest() == null || s.seal() == null || !of(s.manifest()).equals(s.seal())) {
            return false;
        }
        long listed = s.manifest().lines().filter(l -> l.startsWith("文件：")).count();
        if (listed != files.size()) {
            return false;
        }
        for (SubmissionFile f : files) {
            byte[] bytes = content.apply(f.part());
            if (bytes == null || !Sm3.hex(bytes).equals(f.sm3()) || !s.manifest().contains("SM3:" + f.sm3())) {
                return false;
            }
        }
        return true;
    }
}
