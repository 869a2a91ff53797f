package org.qingyuan.complaint.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.complaint.Channel;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.Reporter;
import org.qingyuan.complaint.ServiceKind;
import org.qingyuan.complaint.internal.Challenges;
import org.qingyuan.complaint.internal.ComplaintIntake;
import org.qingyuan.complaint.internal.ComplaintProperties;
import org.qingyuan.complaint.internal.Intake;
import org.qingyuan.complaint.internal.PublicRateLimit;
import org.qingyuan.complaint.internal.PublicTracking;
import org.qingyuan.map.DistrictOutlines;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public's pages, no sign-in: the report form (proof of work, rate limits per address and per browser, photos typed
 * by content) and tracking by code with the rating. Nothing here shows an official, a reporter or another complaint.
 */
@Controller
class PublicComplaintController {

    static final String CLIENT_COOKIE = "qy_reporter";

    private final ComplaintIntake intake;
    private final PublicTracking tracking;
    private final Challenges challenges;
    private final PublicRateLimit limits;
    private final ComplaintProperties properties;
    private final DistrictOutlines outlines;

    PublicComplaintController(ComplaintIntake intake, PublicTracking tracking, Challenges challenges, PublicRateLimit limits,
                              ComplaintProperties properties, DistrictOutlines outlines) {
        this.intake = intake;
        this.tracking = tracking;
        this.challenges = challenges;
        this.limits = limits;
        this.properties = properties;
        this.outlines = outlines;
    }

    @GetMapping("/report")
    String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        client(request, response);
        return form(model, Map.of(), null);
    }

    @GetMapping("/report/challenge")
    @ResponseBody
    ResponseEntity<?> challenge(HttpServletRequest request) {
        try {
            limits.acquireChallenge(request.getRemoteAddr());
        } catch (PublicRateLimit.LimitReached e) {
            var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS,
                    e.getMessage());
            return ResponseEntity.status(429).header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(challenges.issue());
    }

    /** The home district's outline (GeoJSON: the boundary, its code and name, nothing else) for the form's map; 404 if none. */
    @GetMapping(value = "/report/outline.json", produces = "application/geo+json")
    @ResponseBody
    ResponseEntity<String> outline() {
        return outlines.home().map(o -> ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .body(o)).orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/report")
    String submit(@RequestParam Map<String, String> form, @RequestParam(value = "photo", required = false) List<MultipartFile> photos,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            limits.acquire(request.getRemoteAddr(), client(request, response));
            challenges.redeem(form.get("nonce"), form.get("counter"));
            Complaint c = intake.receive(new Intake(Channel.WEB, null, ServiceKind.ofCode(form.get("service")).orElse(null),
                    form.get("description"), form.get("address"), Forms.coordinate(form.get("long"), "long"),
                    Forms.coordinate(form.get("lat"), "lat"), new Reporter(form.get("name"), form.get("phone"), null),
                    Forms.photos(photos), null, null, null));
            redirect.addFlashAttribute("fresh", true);
            return "redirect:/track?code=" + c.trackingCode();
        } catch (PublicRateLimit.LimitReached e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            return form(model, form, e.getMessage());
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, e.getMessage());
        }
    }

    @GetMapping("/track")
    String track(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code == null ? "" : code);
        if (!model.containsAttribute("fresh")) {
            model.addAttribute("fresh", false);
        }
        if (code != null && !code.isBlank()) {
            try {
                model.addAttribute("status", tracking.status(code));
            } catch (NotFoundException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        if (!model.containsAttribute("status")) {
            model.addAttribute("status", null);
            model.addAttribute("fresh", false);
        }
        return "complaint/track";
    }

    @PostMapping("/track/rating")
    String rate(@RequestParam(required = false) String code, @RequestParam(required = false) String rating,
                @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            int stars;
            try {
                stars = Integer.parseInt(rating == null ? "" : rating.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("rating", "请选择评价星级");
            }
            tracking.rate(code, stars, comment);
            redirect.addFlashAttribute("message", "感谢您的评价");
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/track?code=" + (code == null ? "" : java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
    }

    private String form(Model model, Map<String, String> form, String error) {
        model.addAttribute("services", ServiceKind.values());
        model.addAttribute("form", form);
        model.addAttribute("maxPhotos", properties.maxPhotos());
        model.addAttribute("error", error);
        model.addAttribute("baseMap", outlines.baseMap());
        return "complaint/report";
    }

    /** The browser's own random id (a cookie), for the per-client limit; set on the first visit. */
    static String client(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (CLIENT_COOKIE.equals(c.getName()) && c.getValue().matches("[0-9a-f-]{36}")) {
                    return c.getValue();
                }
            }
        }
        String id = UUID.randomUUID().toString();
        Cookie cookie = new Cookie(CLIENT_COOKIE, id);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return id;
    }
}
