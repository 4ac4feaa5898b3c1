package io.pixpool.worker;

import io.pixpool.protocol.Message;
import io.pixpool.protocol.ProtocolException;
import io.pixpool.protocol.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The request/reply loop: hello, then one reply per job request, until stdin ends. Returns the exit code. */
final class WorkerLoop {

    /** Looked up when there is something to log: the first logger starts java.util.logging, ~20 ms in a fresh JVM. */
    private static Logger log() {
        return Logger.getLogger(WorkerLoop.class.getName());
    }

    private final InputStream in;
    private final OutputStream out;
    private final JobRunner runner;

    WorkerLoop(InputStream in, OutputStream out, JobRunner runner) {
        this.in = in;
        this.out = out;
        this.runner = runner;
    }

    int run() {
        try {
            WireFormat.write(out, new Message.Hello(WireFormat.VERSION, ProcessHandle.current().pid()));
        } catch (IOException e) {
            log().log(Level.SEVERE, "cannot write to the coordinator: " + e.getMessage());
            return WorkerMain.EXIT_PIPE;
        }
        while (true) {
            Message m;
            try {
                m = WireFormat.read(in);
            } catch (ProtocolException e) {
                log().log(Level.SEVERE, "bad frame from the coordinator: " + e.getMessage());
                return WorkerMain.EXIT_PROTOCOL;
            } catch (IOException e) {
                log().log(Level.SEVERE, "cannot read from the coordinator: " + e.getMessage());
                runner.removeUnplacedResults(); // nobody is left to place them
                return WorkerMain.EXIT_PIPE;
            }
            if (m == null) {
                runner.removeUnplacedResults(); // a coordinator that closes stdin has placed them, unless it was killed
                return goodbye();
            }
            if (m instanceof Message.WarmUp w) {
                if (!send(runner.warmUp(w))) return WorkerMain.EXIT_PIPE;
                continue;
            }
            if (!(m instanceof Message.JobRequest)) {
                log().severe("unexpected frame from the coordinator: " + m.getClass().getSimpleName());
                return WorkerMain.EXIT_PROTOCOL;
            }
            Message reply = runner.run((Message.JobRequest) m);
            if (!send(reply)) return WorkerMain.EXIT_PIPE;
            if (reply instanceof Message.JobError e && e.kind() == Message.ErrorKind.OUT_OF_MEMORY) {
                return WorkerMain.EXIT_OUT_OF_MEMORY; // a fresh JVM is the only sure way back to a sane heap
            }
        }
    }

    private boolean send(Message reply) {
        try {
            WireFormat.write(out, reply);
            return true;
        } catch (IOException e) {
            log().log(Level.SEVERE, "cannot send the reply: " + e.getMessage());
            // the coordinator is gone: nobody will place this reply's output, nor the previous one's (the coordinator
            // sends the next job before it places a result)
            runner.removeUnplacedResults();
            return false;
        }
    }

    private int goodbye() {
        try {
            WireFormat.write(out, new Message.Goodbye());
        } catch (IOException e) {
            log().log(Level.FINE, "coordinator gone before goodbye: " + e.getMessage());
        }
        return WorkerMain.EXIT_OK;
    }
}
