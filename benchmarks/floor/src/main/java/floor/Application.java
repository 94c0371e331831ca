package floor;

import io.micronaut.runtime.Micronaut;

/** The start's floor: Micronaut's own launcher, nothing before or after it. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
