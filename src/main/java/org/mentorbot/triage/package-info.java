/**
 * Triage: is a list message an inquiry about a project idea, and which idea. {@link org.mentorbot.triage.Triage}
 * is the entry type: one message in, one {@link org.mentorbot.triage.Decision} out, given the ideas pages
 * ({@code catalog}), the thresholds ({@link org.mentorbot.triage.TriageSettings}) and the learned
 * {@link org.mentorbot.triage.InquiryModel}.
 *
 * <p>A message is first asked whether it is worth scoring at all (it names a mentoring programme, or sits in
 * a thread that does); {@link org.mentorbot.triage.InquiryFeatures} then describes it — the cues of
 * {@link org.mentorbot.triage.InquirySignals}, its place in its thread and its sender's earlier mail from
 * {@link org.mentorbot.triage.ThreadContext}, its season, shape and words — and the model's weights decide,
 * with a few rules. {@link org.mentorbot.triage.IdeaMatcher} (Lucene over an
 * {@link org.mentorbot.triage.IdeaIndex}) ranks the ideas an inquiry may be about.
 *
 * <p>Learning: {@link org.mentorbot.triage.Corpus} reads the labelled corpus of {@code src/corpus/},
 * {@link org.mentorbot.triage.CorpusTraining} builds the examples and measures leave-one-project-out,
 * {@link org.mentorbot.triage.InquiryTrainer} fits the weights with Tribuo's LibLinear.
 *
 * <p>May use {@code catalog} and {@code mail}; nothing here knows of mailboxes, the ledger or the archive.
 */
package org.mentorbot.triage;
