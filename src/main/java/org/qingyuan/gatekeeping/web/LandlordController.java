package org.qingyuan.gatekeeping.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.gatekeeping.Landlord;
import org.qingyuan.gatekeeping.internal.Landlords;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Landlords (出租方): {@code /api/v1/landlords} to register them with their premises and to store guarantee letters
 * (multipart, file required); the page {@code /landlords} lists them with the notices to stop leasing and the
 * village-collective flags for the town's assessment.
 */
@Controller
class LandlordController {

    private final Landlords landlords;
    private final RouteAccess routes;

    LandlordController(Landlords landlords, RouteAccess routes) {
        this.landlords = landlords;
        this.routes = routes;
    }

    @Bean
    static NavigationItem landlordsNavigation() {
        return new NavigationItem("禁入管控", "出租方", "/landlords", 720);
    }

    @GetMapping("/api/v1/landlords")
    @ResponseBody
    List<Landlord> list() {
        return landlords.list(CurrentUsers.require());
    }

    @GetMapping("/api/v1/landlords/{id}")
    @ResponseBody
    Landlord get(@PathVariable long id) {
        return landlords.get(id, CurrentUsers.require());
    }

    @PostMapping("/api/v1/landlords")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    Landlord register(@RequestBody Landlords.Form form) {
        return landlords.register(form, CurrentUsers.require());
    }

    @PostMapping("/api/v1/landlords/{id}/guarantees")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    Landlord.Guarantee guarantee(@PathVariable long id, @RequestParam(required = false) String signedOn,
                                 @RequestPart(required = false) MultipartFile file) throws IOException {
        return landlords.addGuarantee(id, date(signedOn), file == null || file.isEmpty() ? null : file.getOriginalFilename(),
                file == null || file.isEmpty() ? null : file.getInputStream(), CurrentUsers.require());
    }

    @GetMapping("/landlords")
    String page(Model model) {
        var user = CurrentUsers.require();
        model.addAttribute("landlords", landlords.list(user));
        model.addAttribute("canRecord", routes.allows(user, "POST", "/landlords"));
        return "gatekeeping/landlords";
    }

    @PostMapping("/landlords")
    String registerOnPage(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                          @RequestParam(required = false) String divisionCode,
                          @RequestParam(required = false) String contactPerson,
                          @RequestParam(required = false) String contactPhone,
                          @RequestParam(required = false) String enterpriseIds, RedirectAttributes redirect) {
        try {
            List<Long> ids = enterpriseIds == null ? List.of() : Arrays.stream(enterpriseIds.split("[,，、\\s]+"))
                    .filter(s -> !s.isBlank()).map(s -> {
                        try {
                            return Long.parseLong(s.strip());
                        } catch (NumberFormatException e) {
                            throw new InvalidInputException("enterpriseIds", "企业编号应为数字：" + s);
                        }
                    }).toList();
            var landlord = landlords.register(new Landlords.Form(name, kind, divisionCode, contactPerson, contactPhone, ids),
                    CurrentUsers.require());
            redirect.addFlashAttribute("message", "已登记出租方“" + landlord.name() + "”，请上传其签订的保证书");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/landlords";
    }

    @PostMapping("/landlords/{id}/guarantees")
    String guaranteeOnPage(@PathVariable long id, @RequestParam(required = false) String signedOn,
                           @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            guarantee(id, signedOn, file);
            redirect.addFlashAttribute("message", "已保存保证书");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/landlords";
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("signedOn", "签订日期格式应为 yyyy-MM-dd");
        }
    }
}
