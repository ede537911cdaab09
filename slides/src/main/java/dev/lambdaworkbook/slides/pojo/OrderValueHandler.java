package dev.lambdaworkbook.slides.pojo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;

/** Values an order: a handler whose input and output are plain Java types that the runtime maps to JSON. */
// tag::handler[]
public class OrderValueHandler implements RequestHandler<OrderRequest, OrderValue> {

    @Override
    public OrderValue handleRequest(OrderRequest order, Context context) {
        if (order.quantity() <= 0) {
            throw new IllegalArgumentException(
                    "La cantidad debe ser positiva y llegó " + order.quantity());
        }
        BigDecimal value = order.price().multiply(BigDecimal.valueOf(order.quantity()));
        return new OrderValue(order.ticker(), value);
    }
}
// end::handler[]
