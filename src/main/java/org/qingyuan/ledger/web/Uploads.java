package org.qingyuan.ledger.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.ValidationException;
import org.springframework.web.multipart.MultipartFile;

/** An uploaded file put into an enterprise's dossier, for the page and the API alike. */
final class Uploads {

    private Uploads() {
    }

    static Attachment attach(Dossier dossier, Enterprise enterprise, MultipartFile file, String category, String note) {
        List<FieldError> errors = new ArrayList<>();
        if (file == null || file.isEmpty()) {
            errors.add(new FieldError("file", "请选择要上传的照片、视频或文档"));
        }
        EvidenceCategory cat = EnterpriseMapping.parse(EvidenceCategory.class, category, "category", "资料类别", errors);
        if (cat == null && errors.stream().noneMatch(e -> e.field().equals("category"))) {
            errors.add(new FieldError("category", "请选择资料类别"));
        }
        ValidationException.throwIfAny(errors);
        if (!enterprise.active()) {
            throw new ConflictException("该企业已撤销，不能再补充资料");
        }
        try (InputStream in = file.getInputStream()) {
            return dossier.attach(EvidenceOwner.enterprise(enterprise.id().value()), enterprise.details().division(), cat,
                    file.getOriginalFilename(), note, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
