package org.qingyuan.gatekeeping;

import org.springframework.boot.test.context.SpringBootTest;

/** The gatekeeping demo in 滨海新区 (120116). */
@SpringBootTest(properties = "qingyuan.home-district=120116")
class GatekeepingDemoBinhaiTests extends GatekeepingDemoTests {
}
