package floor;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The same answer on the blocking pool: what the hand-off from the event loop costs a request. */
@Controller("/blocking")
final class BlockingController {
    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    HelloController.Greeting hello() {
        return new HelloController.Greeting("cus_floor", "Amara Okafor");
    }
}
