/** Runtime ground: deployment settings (home district, demo mode, data directory) and the embedded PostgreSQL. */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.qingyuan.platform;
