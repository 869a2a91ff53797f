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

    HomeController(Deployment deployment, Divisions divisions) {
        this.deployment = deployment;
        this.divisions = divisions;
    }

    @GetMapping("/")
    String home(Model model) {
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
