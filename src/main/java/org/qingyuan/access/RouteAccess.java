package org.qingyuan.access;

/** Whether a user may call a route; the pages use it to show only the menu entries a user can open. */
public interface RouteAccess {

    boolean allows(CurrentUser user, String method, String path);
}
