/** Administrative divisions (统计用区划代码) down to villages and communities; later grids and zones. */
@org.springframework.modulith.ApplicationModule(displayName = "Regions")
package org.qingyuan.region;
