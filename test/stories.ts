/** Stories written for the near-duplicate tests: one wire story, five light edits of it, another report of
 * the same meeting in its own words, and unrelated stories. */
export const WIRE = [
  'Japan and South Korea agree to resume defence talks after five-year freeze',
  'Japan and South Korea agreed on Tuesday to resume regular defence talks that were frozen five years ago, as the two neighbours try to put a long dispute over wartime history behind them and respond together to North Korea’s missile launches.',
  'Japanese Foreign Minister Yoko Kamikawa and her South Korean counterpart Cho Tae-yul met for three hours in Seoul, their second meeting this year. They said senior defence officials would meet before the end of the month and that a hotline between the two navies would be restored.',
  '“We have agreed that the security environment leaves us no room to stand still,” Cho told reporters after the meeting. Kamikawa said Tokyo was ready to share missile warning data in real time with Seoul and Washington.',
  'The talks were suspended in 2019 after a South Korean warship was accused of locking its fire-control radar on a Japanese patrol plane, an incident the two governments still describe differently. Relations sank further that year over a court ruling that ordered Japanese companies to compensate Koreans forced to work in their factories during the Second World War.',
  'South Korean President Yoon Suk Yeol has made repairing ties with Tokyo a priority, despite criticism at home that he has conceded too much on the forced-labour issue. A poll published last week found that 54 percent of South Koreans opposed his approach.',
  'North Korea fired two short-range ballistic missiles into the sea off its east coast on Sunday, the South Korean military said. The United States has welcomed closer cooperation between its two allies and plans a three-way naval exercise in the region next month.',
].join('\n\n');

export const paragraphs = WIRE.split('\n\n');
const withoutParagraph = (index: number): string => paragraphs.filter((_, i) => i !== index).join('\n\n');

/** Five light edits of the wire story, as different outlets print it. */
export const COPIES: Record<string, string> = {
  headline: ['Tokyo and Seoul restart military dialogue frozen since 2019', ...paragraphs.slice(1)].join(
    '\n\n',
  ),
  dateline: WIRE.replace(
    'Japan and South Korea agreed on Tuesday',
    'SEOUL (Reuters) - Japan and South Korea agreed on Tuesday',
  ),
  droppedParagraph: withoutParagraph(5),
  rewordedSentence: WIRE.replace(
    '“We have agreed that the security environment leaves us no room to stand still,” Cho told reporters after the meeting.',
    'Speaking to journalists afterwards, Cho said the security situation in the region meant neither country could afford to stand still.',
  ),
  footer: `${WIRE}\n\nReporting by Hyonhee Shin in Seoul and Kantaro Komiya in Tokyo; Editing by Gerry Doyle\n\nOur Standards: The Thomson Reuters Trust Principles.`,
};

/** The same meeting, reported by another outlet in its own words: same actors, same facts, no shared prose. */
export const SAME_MEETING = [
  'Seoul, Tokyo to revive security dialogue',
  'The foreign ministers of South Korea and Japan said on Tuesday that their countries would restart a defence dialogue suspended since 2019, the latest sign of a thaw between the two U.S. allies.',
  'Cho Tae-yul hosted Yoko Kamikawa in the South Korean capital for talks that lasted about three hours. According to officials briefed on the discussions, the ministers also agreed to reopen a military communication line and to speed up the exchange of data on North Korean missiles.',
  'Ties between the two countries have swung sharply in recent years. A 2018 dispute over a radar incident at sea and rulings by Korean courts on compensation for wartime forced labour pushed relations to their lowest point in decades.',
  'President Yoon Suk Yeol’s government has pushed for reconciliation, a policy that remains unpopular with many voters. Pyongyang, which launched two missiles at the weekend, has condemned the growing cooperation between Seoul, Tokyo and Washington as preparation for war.',
].join('\n\n');

export const UNRELATED = [
  [
    'Floods force thousands from their homes in southern Brazil',
    'Heavy rain has caused rivers to burst their banks across Rio Grande do Sul, forcing more than 20,000 people to leave their homes, the state’s civil defence agency said on Saturday. At least 11 people have died and dozens are missing.',
    'Governor Eduardo Leite declared a state of emergency and asked the federal government for helicopters to reach towns cut off by landslides. Forecasters expect more rain until Wednesday.',
  ].join('\n\n'),
  [
    'European Central Bank holds rates, signals cut in June',
    'The European Central Bank kept its deposit rate at a record 4 percent on Thursday but said it could begin lowering borrowing costs in June if inflation continued to ease. Consumer prices in the euro area rose 2.4 percent in March from a year earlier.',
    'ECB President Christine Lagarde told a news conference in Frankfurt that some policymakers had already been ready to cut this month. Markets now expect three reductions this year.',
  ].join('\n\n'),
  [
    'Chile’s president names new finance minister in cabinet reshuffle',
    'Chilean President Gabriel Boric replaced his finance minister and four other cabinet members on Friday, seeking to revive his government after voters rejected a draft constitution it had backed.',
    'The new finance minister, a former central bank official, told reporters that his priority would be a pension reform stalled in Congress since last year.',
  ].join('\n\n'),
];
