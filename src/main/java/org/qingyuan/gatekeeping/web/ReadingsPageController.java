package org.qingyuan.gatekeeping.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.gatekeeping.internal.ReadingsCsv;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.ValidationException;
import org.qingyuan.utility.Utility;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** A utility uploads the consumption readings of closed sites as CSV (户号,日期,读数); errors are listed by row. */
@Controller
class ReadingsPageController {

    static final long MAX_BYTES = 2 * 1024 * 1024;

    private final ReadingsCsv readings;

    ReadingsPageController(ReadingsCsv readings) {
        this.readings = readings;
    }

    @Bean
    static NavigationItem readingsNavigation() {
        return new NavigationItem("禁入管控", "用能读数报送", "/gatekeeping/readings", 720);
    }

    @GetMapping("/gatekeeping/readings")
    String page(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("utilities", Utility.values());
        model.addAttribute("ownUtility", user.departmentCode() == null ? null : Utility.ofDepartment(user.departmentCode()).orElse(null));
        return "gatekeeping/readings";
    }

    @PostMapping("/gatekeeping/readings")
    String upload(@RequestParam(required = false) String utility, @RequestParam(required = false) MultipartFile file,
                  Model model, HttpServletResponse response) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "请选择 CSV 文件（每行：户号,日期,读数）");
            }
            if (file.getSize() > MAX_BYTES) {
                throw new InvalidInputException("file", "文件不能超过 2 MB");
            }
            var result = readings.receive(utility, new String(file.getBytes(), StandardCharsets.UTF_8), CurrentUsers.require());
            model.addAttribute("result", result);
        } catch (ValidationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "文件有误，未导入任何读数，请改正后重新上传：");
            model.addAttribute("rowErrors", e.errors());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }
}
