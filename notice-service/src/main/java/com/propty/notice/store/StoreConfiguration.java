package com.propty.notice.store;

import com.propty.kit.version.VersionCounters;
import com.propty.notice.version.StateVersions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The features whose store is one of service-kit's, given its collection here. */
@Configuration
class StoreConfiguration {

    @Bean
    StateVersions stateVersions(MongoTemplate mongo) {
        return new StateVersions(new VersionCounters(mongo, "state_versions"));
    }
}
