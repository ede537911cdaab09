package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.kit.config.Trigger;
import dev.lambdaworkbook.kit.schedule.InvalidScheduleException;
import dev.lambdaworkbook.kit.schedule.ScheduleExpression;
import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import dev.lambdaworkbook.runner.events.EventFactory;
import dev.lambdaworkbook.runner.events.Json;
import dev.lambdaworkbook.runner.invoke.FunctionRuntime;
import dev.lambdaworkbook.runner.invoke.Invocation;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "programar", sortOptions = false,
        description = "Invoca la función cuando toca según la expresión de su evento Schedule de template.yaml "
                + "(rate(...) o cron(...), en UTC), con un evento \"Scheduled Event\" como el de EventBridge. Sin "
                + "--ahora, espera a cada activación hasta que pulses Ctrl+C.")
final class ScheduleCommand implements Callable<Integer> {

    @Mixin
    FunctionOptions function;

    @Option(names = "--ahora", paramLabel = "N", description = "No esperes: adelanta las N próximas activaciones y "
            + "ejecútalas ya, una tras otra (el campo time del evento es la hora real), y termina.")
    Integer now;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (now != null) {
            Cli.checkRange("--ahora", now, 1, 100);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalFunction local = Cli.resolve(function, err);
        Trigger.Schedule trigger = scheduleOf(local);
        ScheduleExpression schedule = parse(local, trigger);
        if (!trigger.enabled()) {
            err.println("Aviso: el evento '" + trigger.name() + "' tiene Enabled: false; en AWS no se dispararía.");
        }

        out.println("Programación '" + schedule.expression() + "' del evento '" + trigger.name() + "' (UTC).");
        List<Instant> upcoming = schedule.nextFireTimes(Instant.now(), now != null ? now : 3);
        out.println("Próximas activaciones: " + upcoming);
        out.flush();

        boolean allSucceeded = true;
        try (FunctionRuntime runtime = new FunctionRuntime(local, System.getenv(), null)) {
            ConsolePrinter printer = new ConsolePrinter(out, err, local);
            if (now != null) {
                for (Instant fireTime : upcoming) {
                    out.println();
                    out.println("=== Activación de " + fireTime + ", adelantada a ahora ===");
                    allSucceeded &= fire(runtime, printer, trigger, Instant.now());
                }
                return (allSucceeded ? ExitCode.OK : ExitCode.FUNCTION_ERROR).code();
            }

            if (!trigger.enabled()) {
                return ExitCode.OK.code();
            }
            out.println("Esperando a la próxima activación. Pulsa Ctrl+C para parar.");
            out.flush();
            while (true) {
                List<Instant> next = schedule.nextFireTimes(Instant.now(), 1);
                if (next.isEmpty()) {
                    out.println("La programación no tiene más activaciones.");
                    return ExitCode.OK.code();
                }
                Duration wait = Duration.between(Instant.now(), next.get(0));
                if (!wait.isNegative()) {
                    Thread.sleep(wait.toMillis());
                }
                out.println();
                out.println("=== Activación programada de " + next.get(0) + " ===");
                fire(runtime, printer, trigger, next.get(0));
            }
        }
    }

    /** Invokes the function with the event EventBridge sends for a firing at {@code fireTime}. */
    private static boolean fire(FunctionRuntime runtime, ConsolePrinter printer, Trigger.Schedule trigger,
            Instant fireTime) throws InterruptedException {
        byte[] event = Json.bytes(EventFactory.scheduled(runtime.function().config().functionName() + "-"
                + trigger.name(), fireTime));
        Invocation invocation = runtime.invoke(event, false);
        printer.print(invocation);
        return invocation.success();
    }

    private static Trigger.Schedule scheduleOf(LocalFunction local) {
        List<Trigger.Schedule> schedules = local.config().triggers(Trigger.Schedule.class);
        if (schedules.isEmpty()) {
            throw new RunnerException(ExitCode.CONFIGURATION, "La función '" + local.config().functionName()
                    + "' no tiene ningún evento de tipo Schedule en " + local.config().template() + ". Añade en "
                    + "Events, por ejemplo: CadaMinuto: {Type: Schedule, Properties: {Schedule: rate(1 minute)}}.");
        }
        return schedules.get(0);
    }

    /** Parses the trigger's expression; an invalid one fails with a message that names the template's field. */
    private static ScheduleExpression parse(LocalFunction local, Trigger.Schedule trigger) {
        try {
            return ScheduleExpression.parse(trigger.expression());
        } catch (InvalidScheduleException invalid) {
            throw new RunnerException(ExitCode.CONFIGURATION, "En " + local.config().template() + ", Events."
                    + trigger.name() + ".Properties.Schedule: " + invalid.getMessage(), invalid);
        }
    }
}
