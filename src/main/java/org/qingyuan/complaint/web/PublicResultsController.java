package org.qingyuan.complaint.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.Reporter;
import org.qingyuan.complaint.internal.Challenges;
import org.qingyuan.complaint.internal.ComplaintProperties;
import org.qingyuan.complaint.internal.PublicRateLimit;
import org.qingyuan.complaint.internal.PublicResults;
import org.qingyuan.complaint.internal.QrCodes;
import org.qingyuan.complaint.internal.ReboundReports;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Public results, no sign-in: closed-out enterprises, answered complaints (masked), typical cases; each closed-out
 * site's printable notice with its QR code and the "it is producing again" form (proof of work, rate limits).
 */
@Controller
class PublicResultsController {

    private final PublicResults results;
    private final ReboundReports rebounds;
    private final Challenges challenges;
    private final PublicRateLimit limits;
    private final ComplaintProperties properties;

    PublicResultsController(PublicResults results, ReboundReports rebounds, Challenges challenges, PublicRateLimit limits,
                            ComplaintProperties properties) {
        this.results = results;
        this.rebounds = rebounds;
        this.challenges = challenges;
        this.limits = limits;
        this.properties = properties;
    }

    @GetMapping("/public/results")
    String results(Model model) {
        model.addAttribute("district", results.districtName());
        model.addAttribute("sites", results.closedOut(200));
        model.addAttribute("answered", results.answered(50));
        model.addAttribute("cases", results.typicalCases(false));
        return "complaint/results";
    }

    @GetMapping("/public/sites/{id}")
    String site(@PathVariable long id, Model model) {
        return site(id, model, Map.of(), null);
    }

    private String site(long id, Model model, Map<String, String> form, String error) {
        PublicResults.PublicSite site = results.site(id);
        model.addAttribute("site", site);
        model.addAttribute("shutdown", site.measure() != null && (site.measure().contains("关停") || site.measure().contains("取缔")));
        model.addAttribute("district", results.districtName());
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("maxPhotos", properties.maxPhotos());
        return "complaint/site";
    }

    @GetMapping("/public/sites/{id}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable long id) {
        results.site(id);
        String base = properties.publicBaseUrl() != null && !properties.publicBaseUrl().isBlank()
                ? properties.publicBaseUrl().replaceAll("/+$", "")
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .body(QrCodes.png(base + "/public/sites/" + id, 6));
    }

    @PostMapping("/public/sites/{id}/rebound")
    String rebound(@PathVariable long id, @RequestParam Map<String, String> form,
                   @RequestParam(value = "photo", required = false) List<MultipartFile> photos, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        results.site(id);
        try {
            limits.acquire(request.getRemoteAddr(), PublicComplaintController.client(request, response));
            challenges.redeem(form.get("nonce"), form.get("counter"));
            Complaint c = rebounds.report(id, form.get("description"), new Reporter(form.get("name"), form.get("phone"), null),
                    Forms.photos(photos));
            redirect.addFlashAttribute("fresh", true);
            return "redirect:/track?code=" + c.trackingCode();
        } catch (PublicRateLimit.LimitReached e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            return site(id, model, form, e.getMessage());
        } catch (InvalidInputException | ConflictException e) {
            return site(id, model, form, e.getMessage());
        }
    }
}
