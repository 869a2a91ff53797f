package org.qingyuan.shell.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.notification.Inbox;
import org.qingyuan.platform.Deployment;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.NavigationItem;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame shows: the deployment's district, the user, the menu. */
@ControllerAdvice
class ShellModel {

    private final List<NavigationItem> navigation;
    private final Deployment deployment;
    private final Divisions divisions;
    private volatile String districtName;

    private final RouteAccess routes;
    private final Inbox inbox;

    ShellModel(List<NavigationItem> navigation, Deployment deployment, Divisions divisions, RouteAccess routes, Inbox inbox) {
        this.inbox = inbox;
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.deployment = deployment;
        this.divisions = divisions;
        this.routes = routes;
    }

    /** The frame of a page; none for the API, whose answers have no frame (no menu, no inbox count read). */
    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return null;
        }
        CurrentUser user = CurrentUsers.current().orElse(null);
        Map<String, List<NavigationItem>> groups = new LinkedHashMap<>();
        for (NavigationItem item : navigation) {
            if (user != null && routes.allows(user, "GET", item.path())) {
                groups.computeIfAbsent(item.group(), g -> new java.util.ArrayList<>()).add(item);
            }
        }
        long unread = user == null || user.id() < 0 ? 0 : inbox.unread(user.username());
        return new Shell(districtName(), deployment.demo(), user, groups, path, unread);
    }

    private String districtName() {
        if (districtName == null) {
            districtName = divisions.fullName(deployment.homeDistrict());
        }
        return districtName;
    }

    /** The frame of a page. */
    record Shell(String districtName, boolean demo, CurrentUser user, Map<String, List<NavigationItem>> menu, String path,
                 long unread) {

        /** The menu item of the page: of the items the path lies under, the most specific (统计分析 is not also 巡查覆盖). */
        public boolean active(NavigationItem item) {
            if (!item.activeFor(path)) {
                return false;
            }
            return menu.values().stream().flatMap(List::stream)
                    .noneMatch(other -> other.activeFor(path) && other.path().length() > item.path().length());
        }
    }
}
