package kr.go.gg.training.query.platform.layout;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The layout version of a projection's stored documents (on the class with its {@code @ProcessingGroup}); a projection
 * without it is at layout 1. Raise it whenever the stored shape changes: at start a read model stored with another
 * layout is rebuilt from the first event ({@link ReadModelLayouts}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModelLayout {
    int value();

    /**
     * Collections of earlier layouts that the code no longer reads: dropped when a stored older layout is found (a
     * rebuild writes the projection's own collections, never these).
     */
    String[] replaces() default {};
}
