package org.qingyuan.evidence.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.AttachmentJson;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceContent;
import org.qingyuan.evidence.TamperedEvidenceException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dossier files by id: metadata, content and thumbnail, each checked against the caller's jurisdiction and the SM3 digest. */
@RestController
@RequestMapping("/api/v1/attachments")
class AttachmentApiController {

    private final Dossier dossier;
    private final AuditTrail audit;

    AttachmentApiController(Dossier dossier, AuditTrail audit) {
        this.dossier = dossier;
        this.audit = audit;
    }

    @GetMapping("/{id}")
    AttachmentJson attachment(@PathVariable long id) {
        return AttachmentJson.of(dossier.attachment(id, CurrentUsers.require().scope()));
    }

    @GetMapping("/{id}/content")
    ResponseEntity<InputStreamResource> content(@PathVariable long id) {
        EvidenceContent content = dossier.content(id, CurrentUsers.require().scope());
        return stream(content, ServedFiles.inline(content.mediaType()));
    }

    @GetMapping("/{id}/thumbnail")
    ResponseEntity<InputStreamResource> thumbnail(@PathVariable long id) {
        return stream(dossier.thumbnail(id, CurrentUsers.require().scope()), true);
    }

    private static ResponseEntity<InputStreamResource> stream(EvidenceContent content, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(ServedFiles.fileName(content.fileName(), content.mediaType()), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .contentLength(content.size())
                .eTag("\"" + content.sm3() + "\"")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Digest", "sm3=" + content.sm3())
                .body(new InputStreamResource(content.stream()));
    }

    /** A file that no longer matches its digest is refused, and the refusal is audited. */
    @ExceptionHandler(TamperedEvidenceException.class)
    ResponseEntity<ProblemDetail> tampered(TamperedEvidenceException e, HttpServletRequest request) {
        audit.recordFailure(new AuditEvent("EVIDENCE_TAMPERED", "Attachment", Long.toString(e.attachmentId()), null,
                Map.of("path", request.getRequestURI())), AuditTrail.Outcome.FAILURE);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        problem.setTitle("证据文件校验失败");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
