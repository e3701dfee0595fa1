package kr.go.gg.training.command.platform.eventstore;

import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;

import javax.cache.CacheManager;
import javax.cache.Caching;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caches Course aggregates between commands, so a command replays no stream (Caffeine JCache, by reference:
 * a weak-reference cache is cleared by every GC). One cache manager per application context, so two contexts
 * in one JVM (tests) never share aggregates.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCacheConfiguration {

    @Bean(destroyMethod = "close")
    CacheManager courseCacheManager() {
        return Caching.getCachingProvider(CaffeineCachingProvider.class.getName())
                .getCacheManager(URI.create("course-command-" + UUID.randomUUID()), getClass().getClassLoader());
    }

    @Bean
    Cache courseCache(CacheManager courseCacheManager, @Value("${course.aggregate-cache.size:10000}") long size) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setStoreByValue(false);
        configuration.setMaximumSize(OptionalLong.of(size));
        return new JCacheAdapter(courseCacheManager.createCache("courses", configuration));
    }
}
