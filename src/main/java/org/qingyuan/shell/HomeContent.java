package org.qingyuan.shell;

import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.CurrentUser;

/**
 * A module's content of the home page (工作台) for the signed-in user, e.g. the map module's dashboards by role. The
 * shell shows the first that answers, and its own district overview when none does.
 */
public interface HomeContent {

    /** The fragment to show the user and its model; empty when this content is not for him. */
    Optional<View> view(CurrentUser user);

    /**
     * A fragment and its model.
     *
     * @param template the template name, e.g. {@code map/home}
     * @param fragment the fragment in it, e.g. {@code district}
     */
    record View(String template, String fragment, Map<String, Object> model) {
    }
}
