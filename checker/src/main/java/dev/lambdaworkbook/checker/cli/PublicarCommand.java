package dev.lambdaworkbook.checker.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "publicar")
final class PublicarCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.OK;
    }
}
