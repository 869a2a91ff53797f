/** Value types and small contracts used by every module: division codes, errors, menu entries; later credit codes, calendars, periods. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.qingyuan.shared;
