/** The web shell: layout, side menu contributed by modules, home page, error answers (pages and problem+json). */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package org.qingyuan.shell;
