package dev.lambdaworkbook.slides.hello;

// tag::imports[]
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
// end::imports[]

/** Greets the name in the event's "nombre" key: the smallest handler of the deck. */
// tag::handler[]
public class GreetingHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Object name = event.getOrDefault("nombre", "mundo");
        context.getLogger().log("Saludo para " + name);
        return "¡Hola, " + name + "!";
    }
}
// end::handler[]
