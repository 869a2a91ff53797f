package org.qingyuan.complaint.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.qingyuan.complaint.Channel;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.Reporter;
import org.qingyuan.complaint.ServiceKind;
import org.qingyuan.complaint.internal.ComplaintIntake;
import org.qingyuan.complaint.internal.Intake;
import org.qingyuan.complaint.internal.PublicRateLimit;
import org.qingyuan.complaint.internal.PublicTracking;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Open311 GeoReport v2 (JSON only) so that existing citizen apps file and follow complaints. The service_request_id is
 * the tracking code: whoever holds it may read that request, and nobody can list others' requests (GET requests.json
 * answers only the ids named in {@code service_request_id}). {@code api_key} is optional and not checked; abuse is
 * limited per client address and per {@code device_id}. Contact fields are sealed like every reporter's; {@code email}
 * is not kept; {@code media_url} is not fetched (no outside calls) — a photo may come as a multipart part {@code media}.
 * Errors follow the spec: an array of {@code {code, description}} with the real HTTP status.
 */
@RestController
@RequestMapping(value = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class Open311Controller {

    static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneId.of("Asia/Shanghai"));

    private final ComplaintIntake intake;
    private final PublicTracking tracking;
    private final PublicRateLimit limits;

    Open311Controller(ComplaintIntake intake, PublicTracking tracking, PublicRateLimit limits) {
        this.intake = intake;
        this.tracking = tracking;
        this.limits = limits;
    }

    @GetMapping("/discovery.json")
    Map<String, Object> discovery(HttpServletRequest request) {
        String base = request.getRequestURL().toString().replaceFirst("/discovery\\.json$", "/");
        return Map.of("changeset", "2026-12-05T00:00:00+08:00", "contact", "12369 环保举报热线",
                "key_service", "api_key 可选，不校验", "endpoints", List.of(Map.of("specification", "http://wiki.open311.org/GeoReport_v2",
                        "url", base, "changeset", "2026-12-05T00:00:00+08:00", "type", "production", "formats", List.of("application/json"))));
    }

    @GetMapping("/services.json")
    List<Map<String, Object>> services() {
        return Arrays.stream(ServiceKind.values()).map(k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service_code", k.code());
            m.put("service_name", k.label());
            m.put("description", k.description());
            m.put("metadata", false);
            m.put("type", "realtime");
            m.put("keywords", "散乱污,环境,举报");
            m.put("group", "环境保护");
            return m;
        }).toList();
    }

    @PostMapping(value = "/requests.json", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<List<Map<String, Object>>> create(@RequestParam Map<String, String> p,
                                                     @RequestParam(value = "media", required = false) List<MultipartFile> media,
                                                     HttpServletRequest request) {
        limits.acquire(request.getRemoteAddr(), p.get("device_id") == null ? null : "open311:" + p.get("device_id"));
        ServiceKind service = ServiceKind.ofCode(p.get("service_code"))
                .orElseThrow(() -> new InvalidInputException("service_code", "service_code 无效，可选：SLW、REBOUND、POLLUTION"));
        // a Chinese name is family name then given name, without a space
        String name = java.util.stream.Stream.of(p.get("last_name"), p.get("first_name")).filter(v -> v != null && !v.isBlank())
                .map(String::strip).collect(java.util.stream.Collectors.joining());
        Complaint c = intake.receive(new Intake(Channel.OPEN311, null, service, p.get("description"), p.get("address_string"),
                Forms.coordinate(p.get("long"), "long"), Forms.coordinate(p.get("lat"), "lat"),
                new Reporter(name, p.get("phone"), null), Forms.photos(media), null, null, null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service_request_id", c.trackingCode());
        body.put("service_notice", "已受理，请保存 service_request_id 作为查询码");
        body.put("account_id", null);
        return ResponseEntity.status(HttpStatus.CREATED).body(List.of(body));
    }

    @GetMapping("/requests/{id}.json")
    List<Map<String, Object>> one(@PathVariable String id) {
        return List.of(json(tracking.find(id)));
    }

    @GetMapping("/requests.json")
    List<Map<String, Object>> some(@RequestParam(value = "service_request_id", required = false) String ids) {
        if (ids == null || ids.isBlank()) {
            throw new InvalidInputException("service_request_id", "请提供 service_request_id（查询码，多个用逗号分隔）；为保护举报人，不提供全部举报列表");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : ids.split(",")) {
            if (out.size() >= 20) {
                break;
            }
            try {
                out.add(json(tracking.find(id)));
            } catch (NotFoundException unknown) {
                // an unknown id is left out, as the spec's search does
            }
        }
        return out;
    }

    private Map<String, Object> json(Complaint c) {
        PublicTracking.Status s = tracking.status(c.trackingCode());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", c.trackingCode());
        m.put("status", c.state().closed() ? "closed" : "open");
        m.put("status_notes", c.reply() != null ? c.reply()
                : s.steps().isEmpty() ? s.state() : s.steps().get(s.steps().size() - 1).text());
        m.put("service_name", c.service().label());
        m.put("service_code", c.service().code());
        m.put("description", c.description());
        m.put("agency_responsible", "散乱污企业整治工作领导小组办公室");
        m.put("service_notice", null);
        m.put("requested_datetime", W3C.format(c.receivedAt()));
        m.put("updated_datetime", W3C.format(c.updatedAt()));
        m.put("expected_datetime", s.deadline() == null ? null : s.deadline().atTime(18, 0).atZone(ZoneId.of("Asia/Shanghai"))
                .format(W3C));
        m.put("address", c.address());
        m.put("address_id", null);
        m.put("zipcode", null);
        m.put("lat", c.latitude());
        m.put("long", c.longitude());
        m.put("media_url", null);
        return m;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<List<Map<String, Object>>> invalid(InvalidInputException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<List<Map<String, Object>>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<List<Map<String, Object>>> conflict(ConflictException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(PublicRateLimit.LimitReached.class)
    ResponseEntity<List<Map<String, Object>>> limited(PublicRateLimit.LimitReached e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_JSON).body(List.of(Map.of("code", 429, "description", e.getMessage())));
    }

    private static ResponseEntity<List<Map<String, Object>>> error(HttpStatus status, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(List.of(Map.of("code", status.value(), "description", description)));
    }
}
