package org.qingyuan.assessment.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.assessment.AccountabilityRecord;
import org.qingyuan.assessment.EvidenceLink;
import org.qingyuan.assessment.QuarterKey;
import org.qingyuan.assessment.internal.AccountabilityService;
import org.qingyuan.assessment.internal.AssessmentService;
import org.qingyuan.evidence.EvidenceContent;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The quarterly assessment under {@code /api/v1/assessment}: the district's quarters, one quarter with its ranking,
 * {@code freeze}, {@code recompute} (from the frozen inputs; nothing stored), {@code publish} (with the {@code version}
 * the caller saw), the bulletin, and the accountability records.
 */
@RestController
@RequestMapping("/api/v1/assessment")
class AssessmentApiController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final AssessmentService quarters;
    private final AccountabilityService records;

    AssessmentApiController(AssessmentService quarters, AccountabilityService records) {
        this.quarters = quarters;
        this.records = records;
    }

    record ActionJson(Integer version, String reason) {
    }

    record RecomputationJson(boolean identical, boolean digestMatches, boolean rankingMatches, String storedDigest, String digest,
                             QuarterJson quarter) {
    }

    record RecordJson(Long id, String quarter, String kind, String kindName, String unitCode, String unitName, String persons,
                      String reason, String ground, String groundName, LocalDate decidedOn, Long documentId,
                      List<EvidenceLink> evidence, Long supersedes, Long supersededBy, String createdAt, String createdBy) {
        static RecordJson of(AccountabilityRecord r) {
            return new RecordJson(r.id(), r.quarter() == null ? null : r.quarter().year() + "-" + r.quarter().quarter(), r.kind().name(),
                    r.kind().label(), r.unitCode(), r.unitName(), r.persons(), r.reason(), r.ground().name(), r.ground().label(),
                    r.decidedOn(), r.documentId(), r.evidence(), r.supersedes(), r.supersededBy(), r.createdAt().toString(), r.createdBy());
        }
    }

    record NewRecordJson(String quarter, String kind, String unitCode, String persons, String reason, String ground, String decidedOn,
                         List<EvidenceLink> evidence, Long supersedes) {
    }

    @GetMapping("/quarters")
    List<QuarterJson> list() {
        return quarters.list(scope()).stream().map(QuarterJson::of).toList();
    }

    @GetMapping("/quarters/{year}/{quarter}")
    QuarterJson get(@PathVariable int year, @PathVariable int quarter) {
        return QuarterJson.of(quarters.get(scope(), AssessmentViews.quarter(year, quarter)));
    }

    @PostMapping("/quarters/{year}/{quarter}/freeze")
    QuarterJson freeze(@PathVariable int year, @PathVariable int quarter, @RequestBody(required = false) ActionJson body) {
        QuarterKey key = AssessmentViews.quarter(year, quarter);
        quarters.freeze(scope(), key, body == null ? null : body.reason());
        return QuarterJson.of(quarters.get(scope(), key));
    }

    @PostMapping("/quarters/{year}/{quarter}/recompute")
    RecomputationJson recompute(@PathVariable int year, @PathVariable int quarter) {
        AssessmentService.Recomputation r = quarters.recompute(scope(), AssessmentViews.quarter(year, quarter));
        return new RecomputationJson(r.identical(), r.digestMatches(), r.rankingMatches(), r.storedDigest(), r.digest(),
                QuarterJson.of(r.quarter()));
    }

    @PostMapping("/quarters/{year}/{quarter}/publish")
    QuarterJson publish(@PathVariable int year, @PathVariable int quarter, @RequestBody(required = false) ActionJson body) {
        if (body == null || body.version() == null) {
            throw new InvalidInputException("version", "缺少版本号（version），请先读取该季度考核");
        }
        QuarterKey key = AssessmentViews.quarter(year, quarter);
        quarters.publish(scope(), key, body.version(), body.reason());
        return QuarterJson.of(quarters.get(scope(), key));
    }

    @GetMapping("/quarters/{year}/{quarter}/bulletin")
    void bulletin(@PathVariable int year, @PathVariable int quarter, HttpServletResponse response) throws IOException {
        AssessmentService.BulletinFile f = quarters.bulletin(scope(), AssessmentViews.quarter(year, quarter));
        send(f.fileName(), DOCX, f.content(), response);
    }

    @GetMapping("/accountability")
    List<RecordJson> records(@RequestParam(required = false) String quarter, @RequestParam(required = false) String unit,
                             @RequestParam(required = false) String kind) {
        return records.list(scope(), AssessmentViews.quarter(quarter, "quarter"), unit, AssessmentViews.kind(kind)).stream()
                .map(RecordJson::of).toList();
    }

    @GetMapping("/accountability/{id}")
    RecordJson record(@PathVariable long id) {
        return RecordJson.of(records.get(scope(), id));
    }

    @PostMapping("/accountability")
    @ResponseStatus(HttpStatus.CREATED)
    RecordJson create(@RequestBody NewRecordJson body) {
        return RecordJson.of(records.record(scope(), new AccountabilityService.Draft(AssessmentViews.quarter(body.quarter(), "quarter"),
                AssessmentViews.kind(body.kind()), body.unitCode(), body.persons(), body.reason(), AssessmentViews.ground(body.ground()),
                RequestValues.date("decidedOn", body.decidedOn()), body.evidence(), body.supersedes()), null));
    }

    @PostMapping(path = "/accountability/{id}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RecordJson document(@PathVariable long id, @RequestPart(value = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请选择要上传的决定文书（file）");
        }
        try (InputStream in = file.getInputStream()) {
            return RecordJson.of(records.attachDocument(scope(), id, new AccountabilityService.Document(file.getOriginalFilename(), in)));
        }
    }

    @GetMapping("/accountability/{id}/document")
    void document(@PathVariable long id, HttpServletResponse response) throws IOException {
        EvidenceContent c = records.document(scope(), id);
        try (InputStream in = c.stream()) {
            send(c.fileName(), c.mediaType(), in.readAllBytes(), response);
        }
    }

    static void send(String fileName, String mediaType, byte[] content, HttpServletResponse response) throws IOException {
        response.setContentType(mediaType);
        response.setContentLength(content.length);
        response.setHeader("Content-Disposition", "attachment; filename=\"assessment.docx\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        response.getOutputStream().write(content);
    }

    private static Scope scope() {
        return CurrentUsers.require().scope();
    }

}
