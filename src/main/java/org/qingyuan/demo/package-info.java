/**
 * Demo data for a trial run (demo mode only): realistic enterprises across the home district's real towns and
 * villages, site photos with EXIF time and GPS, and rectification cases in every state. Built through the other
 * modules' APIs only, once per database (table {@code demo_seed}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.qingyuan.demo;
