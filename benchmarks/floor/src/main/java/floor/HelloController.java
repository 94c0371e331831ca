package floor;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/** One JSON route, so the router, the body writers and serde are part of the floor's start. */
@Controller("/hello")
final class HelloController {

    @Serdeable
    record Greeting(String id, String name) {
    }

    @Get
    Greeting hello() {
        return new Greeting("cus_floor", "Amara Okafor");
    }
}
