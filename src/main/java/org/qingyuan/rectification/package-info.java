/** Rectification cases (整治任务): from classification to close-out (销号), with proof for every required item. */
@org.springframework.modulith.ApplicationModule(displayName = "Rectification")
package org.qingyuan.rectification;
