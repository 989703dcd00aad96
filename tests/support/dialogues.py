"""Long, seeded synthetic conversations for testing state computation and policies.

The events follow what Rasa's processor writes (listen, user message, user
featurisation, actions with their slots and bot messages, form activation,
happy-path form turns, rejections, interruptions) and, less often, the events
that make ``applied_events`` undo things: ``UserUtteranceReverted``,
``ActionReverted``, restarts and new sessions. They need not be a dialogue a
policy would produce: the properties tested hold for any event sequence.
"""

from __future__ import annotations

import random

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    AllSlotsReset,
    BotUttered,
    DefinePrevUserUtteredFeaturization,
    Event,
    FollowupAction,
    LoopInterrupted,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)

DOMAIN_YAML = """
version: "3.1"
intents: [greet, share, ask, stop, affirm]
entities: [topic]
slots:
  flag:
    type: bool
    influence_conversation: true
    mappings: [{type: custom}]
  mood:
    type: categorical
    values: [low, high]
    influence_conversation: true
    mappings: [{type: custom}]
  answer:
    type: text
    influence_conversation: false
    mappings: [{type: from_text, conditions: [{active_loop: answer_form}]}]
  topic:
    type: text
    influence_conversation: true
    mappings: [{type: from_entity, entity: topic}]
forms:
  answer_form:
    required_slots: [answer]
  other_form:
    required_slots: [flag]
responses:
  utter_greet: [{text: "hi"}]
  utter_explain: [{text: "this is it"}]
  utter_ask_answer: [{text: "tell me"}]
  utter_ask_flag: [{text: "yes or no"}]
  utter_bye: [{text: "bye"}]
actions: [action_note]
"""

INTENTS = ("greet", "share", "ask", "stop", "affirm")
UTTERANCES = ("utter_greet", "utter_explain", "utter_bye", "action_note")
FORMS = ("answer_form", "other_form")


def make_domain() -> Domain:
    return Domain.from_yaml(DOMAIN_YAML)


class ConversationWriter:
    """Writes one seeded random conversation, turn by turn, like Rasa's processor would."""

    def __init__(self, seed: int, reverts: bool = True) -> None:
        self.rng = random.Random(seed)
        self.reverts = reverts
        self.events: list[Event] = [ActionExecuted("action_listen")]
        self.form: str | None = None

    def turns(self, count: int) -> list[Event]:
        for _ in range(count):
            self._turn()
        return self.events

    def _turn(self) -> None:
        rng, add = self.rng, self.events.append
        intent = rng.choice(INTENTS)
        entities = [{"entity": "topic", "value": "x"}] if rng.random() < 0.2 else []
        add(UserUttered(f"text {len(self.events)}", {"name": intent}, entities))
        add(DefinePrevUserUtteredFeaturization(rng.random() < 0.2))
        if self.form and rng.random() < 0.7:
            self._form_turn()
        else:
            self._other_turn()
        self._rare_event()
        add(ActionExecuted("action_listen", hide_rule_turn=rng.random() < 0.5))

    def _form_turn(self) -> None:
        rng, add, form = self.rng, self.events.append, self.form or FORMS[0]
        if rng.random() < 0.15:  # the form rejects; a rule answers; the form resumes
            add(ActionExecutionRejected(form))
            add(ActionExecuted(rng.choice(UTTERANCES), hide_rule_turn=rng.random() < 0.7))
            add(BotUttered("interlude"))
            add(LoopInterrupted(True))
        add(ActionExecuted(form, hide_rule_turn=rng.random() < 0.3))
        add(SlotSet("answer", f"a{len(self.events)}"))
        if rng.random() < 0.2:
            add(ActiveLoop(None))
            add(SlotSet("requested_slot", None))
            self.form = None
        else:
            add(SlotSet("requested_slot", "answer"))
            add(BotUttered("tell me"))

    def _other_turn(self) -> None:
        rng, add = self.rng, self.events.append
        for _ in range(rng.randint(1, 2)):
            add(ActionExecuted(rng.choice(UTTERANCES), hide_rule_turn=rng.random() < 0.6))
            add(BotUttered("said"))
            if rng.random() < 0.4:
                add(SlotSet(rng.choice(("flag", "mood")), rng.choice((True, "low", "high", None))))
        if self.form is None and rng.random() < 0.25:
            self.form = rng.choice(FORMS)
            add(ActionExecuted(self.form, hide_rule_turn=rng.random() < 0.3))
            add(ActiveLoop(self.form))
            add(SlotSet("requested_slot", "answer"))

    def _rare_event(self) -> None:
        rng, add = self.rng, self.events.append
        roll = rng.random()
        if self.reverts and roll < 0.02:
            add(ActionExecuted("action_default_fallback"))
            add(UserUtteranceReverted())
        elif self.reverts and roll < 0.03:
            add(ActionReverted())
        elif roll < 0.035:
            add(AllSlotsReset())
        elif roll < 0.04:
            add(FollowupAction("utter_greet"))
        elif roll < 0.043:
            add(Restarted())
            self.form = None
        elif roll < 0.046:
            add(ActionExecuted("action_session_start"))
            add(SessionStarted())
            add(SlotSet("mood", "high"))
            self.form = None


def conversation(seed: int, turns: int, reverts: bool = True) -> list[Event]:
    """The events of one seeded random conversation of ``turns`` user messages."""
    return ConversationWriter(seed, reverts).turns(turns)
