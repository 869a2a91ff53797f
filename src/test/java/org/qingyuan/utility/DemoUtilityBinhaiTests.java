package org.qingyuan.utility;

import org.springframework.boot.test.context.SpringBootTest;

/** The utility demo in 滨海新区 (120116). */
@SpringBootTest(properties = "qingyuan.home-district=120116")
class DemoUtilityBinhaiTests extends DemoUtilityTests {
}
