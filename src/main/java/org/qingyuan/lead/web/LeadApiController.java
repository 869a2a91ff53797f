package org.qingyuan.lead.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.evidence.AttachmentJson;
import org.qingyuan.lead.Lead;
import org.qingyuan.lead.NewLead;
import org.qingyuan.lead.internal.LeadService;
import org.qingyuan.ledger.PossibleDuplicate;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.Page;
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
 * The leads under {@code /api/v1/leads}: the queue (filtered by state, source and division), filing, photos, the
 * ledger's possible duplicates, and the three decisions ({@code confirmation}, {@code merge}, {@code dismissal}), each
 * with the {@code version} the caller saw.
 */
@RestController
@RequestMapping("/api/v1/leads")
class LeadApiController {

    private final LeadService leads;

    LeadApiController(LeadService leads) {
        this.leads = leads;
    }

    record NewLeadJson(String source, String sourceRef, String divisionCode, String name, String address, Double longitude,
                       Double latitude, String description) {
    }

    record DecisionJson(Integer version, String reason, Long enterpriseId, Map<String, String> enterprise) {
    }

    record CandidateJson(long id, String name, String divisionCode, String address, List<String> reasons, String link) {
        static CandidateJson of(PossibleDuplicate d) {
            return new CandidateJson(d.id().value(), d.name(), d.division() == null ? null : d.division().value(), d.address(),
                    d.reasons().stream().map(Enum::name).sorted().toList(), "/enterprises/" + d.id().value());
        }
    }

    record ConfirmationJson(LeadJson lead, long enterpriseId, List<FieldError> warnings, List<CandidateJson> possibleDuplicates) {
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String state, @RequestParam(required = false) String source,
                             @RequestParam(required = false) String division, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidInputException("size", "分页参数有误：page ≥ 0，size 为 1–500");
        }
        Page<Lead> p = leads.list(scope(), LeadParams.division(division, "division"), LeadParams.state(state),
                LeadParams.source(source), page, size);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", p.items().stream().map(LeadJson::of).toList());
        out.put("page", p.page());
        out.put("size", p.size());
        out.put("total", p.total());
        return out;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LeadJson report(@RequestBody NewLeadJson body) {
        return LeadJson.of(leads.report(new NewLead(LeadParams.source(body.source()), body.sourceRef(),
                LeadParams.division(body.divisionCode(), "divisionCode"), body.name(), body.address(), body.longitude(),
                body.latitude(), body.description()), scope()));
    }

    @GetMapping("/{id}")
    LeadJson get(@PathVariable long id) {
        return LeadJson.of(leads.get(id, scope()));
    }

    @GetMapping("/{id}/photos")
    List<AttachmentJson> photos(@PathVariable long id) {
        return leads.photos(id, scope()).stream().map(AttachmentJson::of).toList();
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentJson attach(@PathVariable long id, @RequestPart(value = "file", required = false) MultipartFile file,
                          @RequestParam(value = "note", required = false) String note) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请选择要上传的照片");
        }
        try {
            return AttachmentJson.of(leads.attach(id, file.getOriginalFilename(), note, file.getInputStream(), scope()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}/candidates")
    List<CandidateJson> candidates(@PathVariable long id) {
        return leads.candidates(id, scope()).stream().map(CandidateJson::of).toList();
    }

    @PostMapping("/{id}/confirmation")
    ConfirmationJson confirm(@PathVariable long id, @RequestBody DecisionJson body) {
        if (body.enterprise() == null) {
            throw new InvalidInputException("enterprise", "请填写要登记的企业信息（enterprise）");
        }
        LeadService.Confirmation c = leads.confirm(id, version(body), LeadParams.enterprise(body.enterprise()), body.reason(), scope());
        return new ConfirmationJson(LeadJson.of(c.lead()), c.registration().id().value(), c.registration().warnings(),
                c.registration().possibleDuplicates().stream().map(CandidateJson::of).toList());
    }

    @PostMapping("/{id}/merge")
    LeadJson merge(@PathVariable long id, @RequestBody DecisionJson body) {
        if (body.enterpriseId() == null) {
            throw new InvalidInputException("enterpriseId", "请选择要并入的台账企业");
        }
        return LeadJson.of(leads.merge(id, version(body), body.enterpriseId(), body.reason(), scope()));
    }

    @PostMapping("/{id}/dismissal")
    LeadJson dismiss(@PathVariable long id, @RequestBody DecisionJson body) {
        return LeadJson.of(leads.dismiss(id, version(body), body.reason(), scope()));
    }

    private static int version(DecisionJson body) {
        if (body.version() == null) {
            throw new InvalidInputException("version", "缺少版本号（version），请先读取线索");
        }
        return body.version();
    }

    private static Scope scope() {
        return CurrentUsers.require().scope();
    }
}
