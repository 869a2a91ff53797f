package org.qingyuan.shell.web;

import org.qingyuan.platform.Deployment;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The workbench: where the user lands after signing in. */
@Controller
class HomeController {

    private final Deployment deployment;
    private final Divisions divisions;

    private final java.util.List<org.qingyuan.shell.HomeContent> contents;

    HomeController(Deployment deployment, Divisions divisions, java.util.List<org.qingyuan.shell.HomeContent> contents) {
        this.deployment = deployment;
        this.divisions = divisions;
        this.contents = contents;
    }

    @GetMapping("/")
    String home(Model model) {
        var user = org.qingyuan.access.CurrentUsers.current().orElse(null);
        if (user != null) {
            for (var content : contents) {
                var view = content.view(user);
                if (view.isPresent()) {
                    model.addAllAttributes(view.get().model());
                    model.addAttribute("homeTemplate", view.get().template());
                    model.addAttribute("homeFragment", view.get().fragment());
                    return "shell/home";
                }
            }
        }
        var district = deployment.homeDistrict();
        var towns = divisions.children(district);
        long villages = towns.stream().mapToLong(t -> t.childCount()).sum();
        model.addAttribute("district", divisions.get(district));
        model.addAttribute("towns", towns);
        model.addAttribute("villageCount", villages);
        model.addAttribute("townLabel", DivisionLevel.TOWN.label());
        return "shell/home";
    }

    @Bean
    static NavigationItem homeNavigation() {
        return new NavigationItem("工作台", "首页", "/", 0);
    }
}
