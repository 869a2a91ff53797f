package org.qingyuan.gatekeeping;

import org.springframework.boot.test.context.SpringBootTest;

/** The gatekeeping demo in 水磨沟区 (650105). */
@SpringBootTest(properties = "qingyuan.home-district=650105")
class GatekeepingDemoShuimogouTests extends GatekeepingDemoTests {
}
