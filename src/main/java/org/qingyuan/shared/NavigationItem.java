package org.qingyuan.shared;

/**
 * One entry of the side menu; each module declares its own as beans.
 *
 * @param group the menu group heading, e.g. 基础数据
 * @param label what the menu says
 * @param path where it leads; the entry is active for this path and below
 * @param order position, lowest first
 */
public record NavigationItem(String group, String label, String path, int order) {

    /** True when the request path lies at or under this entry. */
    public boolean activeFor(String requestPath) {
        if ("/".equals(path)) {
            return "/".equals(requestPath);
        }
        return requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}
