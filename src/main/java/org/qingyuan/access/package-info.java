/** Users, roles, jurisdiction scope, login policy, sessions and API tokens. */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.qingyuan.access;
