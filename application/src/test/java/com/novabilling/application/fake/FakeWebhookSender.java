package com.novabilling.application.fake;

import com.novabilling.application.port.out.webhook.WebhookSender;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Answers with the queued results in order (then 200), and keeps every request it was given. */
public final class FakeWebhookSender implements WebhookSender {

    public record Sent(URI url, Map<String, String> headers, String body) {
    }

    public final List<Sent> sent = new ArrayList<>();
    private final Deque<Result> answers = new ArrayDeque<>();

    public FakeWebhookSender answer(Result result) {
        answers.add(result);
        return this;
    }

    public FakeWebhookSender answer(int status) {
        return answer(new Result(status, 12, null));
    }

    @Override
    public synchronized Result post(URI url, Map<String, String> headers, String body) {
        sent.add(new Sent(url, Map.copyOf(headers), body));
        return answers.isEmpty() ? new Result(200, 5, null) : answers.poll();
    }
}
