#!/usr/bin/env bash
# Generates capdex's bundled sample interviews into samples/ (authoring time only).
#
#   bash samples/make-samples.sh                 # (re)build every sample file and verify them
#   bash samples/make-samples.sh --verify        # only verify the committed files
#   bash samples/make-samples.sh --long N OUT.mp4
#       concatenates the English samples (ffmpeg concat demuxer, stream copy) until the result is
#       at least N minutes long, and writes OUT.en.srt next to it with correctly offset cue times
#       (for benchmarks; never commit the output).
#
# Needs Debian's espeak-ng, sox, ffmpeg/ffprobe and pandoc, plus python3 (standard library only).
# capdex itself never calls these tools. Output is deterministic: espeak-ng is deterministic, sox runs
# with -R (fixed noise seed), x264 runs single-threaded and ffmpeg/pandoc get fixed dates.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RATE=48000          # audio sample rate of the MP4s
FPS=12.5            # 80 ms frames: with 48 kHz AAC (1024-sample frames) both streams end together
QUANTUM=15360       # every interview is padded to a multiple of 0.32 s (15360 samples) for that reason
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
FONT_BOLD=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
export SOURCE_DATE_EPOCH=1735689600   # 2025-01-01T00:00:00Z, makes pandoc's DOCX reproducible

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

need() { command -v "$1" >/dev/null || { echo "make-samples: $1 is required (apt-get install $2)" >&2; exit 2; }; }

# ---------------------------------------------------------------------------------------------
# The text side (interview scripts, ASR errors, translations, captions, truth, pages, README) is
# plain data processing, so it lives in one embedded python3 program; bash drives the media tools.
# ---------------------------------------------------------------------------------------------
py() { python3 - "$@" <<'PY'
import json, math, os, re, subprocess, sys, html

# ----- the interviews ---------------------------------------------------------------------------
# Each sentence: (speaker key, pause after it in ms, correct text, ASR edits, ASR style, translation).
# ASR edits are (correct fragment, what the "AI" heard) pairs applied to the correct text; an empty
# replacement is a dropped word. ASR style flags: l = first letter lowercased, p = final punctuation
# dropped, c = commas dropped, L = whole sentence lowercased, q = Spanish ¿ dropped.

INTERVIEWS = [
 dict(
  id="all-remission", lang="en", audio_lang="eng", mt_lang="es", mt_format="vtt",
  title="What does remission mean in acute lymphoblastic leukaemia?",
  date="2025-03-14", published="2025-03-14T09:30:00Z", creation="2025-03-06T14:05:00Z",
  affiliation="Department of Haematology, Northbridge University Hospital",
  summary=("Consultant haematologist Dr Anahit Hakobyan explains what doctors mean by remission in acute "
           "lymphoblastic leukaemia (ALL), why measurable residual disease (MRD) testing matters, and where "
           "blinatumomab, CAR-T cell therapy and stem cell transplant fit into treatment."),
  colour="0x1d3557",
  lead_ms=2200, trail_ms=900,
  bed=dict(kind="music", startMs=0, endMs=6000,
           description="quiet synthesised plucked chords (C, A minor, F major; peaks -26 dBFS, about -47 dBFS RMS) under the opening, fading out by 6 s"),
  speakers={
   "I": dict(label="Interviewer", name="Interviewer", role="Interviewer", voice="en-gb+m3", speed=140),
   "H": dict(label="Dr Hakobyan", name="Dr Anahit Hakobyan", role="Consultant haematologist",
             voice="en-us+f2", speed=140),
  },
  sentences=[
   ("I", 700, "Welcome to Patient Voices. I am talking with haematologist Dr Anahit Hakobyan.",
    [("Dr Anahit Hakobyan", "doctor Anna heat hako beyond")], "c",
    "Bienvenidos a Patient Voices. Hablo con la hematóloga Anahit Hakobyan."),
   ("I", 600, "Dr Hakobyan, what does remission mean in acute lymphoblastic leukaemia?",
    [("acute lymphoblastic leukaemia", "a cute lymphoblastic look emia")], "lpc",
    "Doctora Hakobyan, ¿qué significa remisión en la leucemia linfoblástica aguda?"),
   ("H", 500, "Remission means we can no longer see leukaemia cells in the blood or bone marrow.",
    [("leukaemia cells", "look emia cells")], "",
    "Remisión significa que ya no vemos células de leucemia en la sangre ni en la médula ósea."),
   ("H", 900, "Blood counts recover, and fewer than five in a hundred marrow cells are blasts.",
    [("and fewer", "fewer")], "l",
    "Los recuentos sanguíneos se recuperan y menos de cinco de cada cien células de la médula son blastos."),
   ("I", 500, "Is that the same as being cured?",
    [], "L",
    "¿Es lo mismo que estar curado?"),
   ("H", 400, "Not yet. A few cells can hide below what the microscope can see.",
    [], "",
    "Todavía no. Unas pocas células pueden esconderse por debajo de lo que ve el microscopio."),
   ("H", 500, "That is why we measure MRD, which stands for measurable residual disease.",
    [("MRD,", "M R D"), ("measurable residual", "measurable resid dual")], "p",
    "Por eso medimos la EMR, que significa enfermedad mínima residual."),
   ("H", 900, "Sensitive tests can find one leukaemia cell among a million normal cells.",
    [("leukaemia cell", "Luke hemia cell")], "",
    "Las pruebas sensibles pueden encontrar una célula leucémica entre un millón de células normales."),
   ("I", 600, "And if MRD is still there after treatment?",
    [("MRD", "M.R.D.")], "lp",
    "¿Y si la EMR sigue presente después del tratamiento?"),
   ("H", 500, "Then we may add blinatumomab, an antibody that links T cells to the leukaemia cells.",
    [("blinatumomab", "blina to mo mab"), ("T cells", "tea cells")], "",
    "Entonces podemos añadir blinatumomab, un anticuerpo que une los linfocitos T a las células leucémicas."),
   ("H", 2000, "Many patients become MRD negative after one or two cycles.",
    [("MRD negative", "em are dee negative")], "L",
    "Muchos pacientes pasan a tener EMR negativa después de uno o dos ciclos."),
   ("I", 600, "Where do CAR-T cells and transplants fit in?",
    [("CAR-T cells", "car tea cells")], "p",
    "¿Dónde encajan las células CAR-T y los trasplantes?"),
   ("H", 500, "CAR-T therapy uses the patient's own T cells, reprogrammed to recognise leukaemia.",
    [("CAR-T therapy", "car T therapy"), ("own ", "")], "c",
    "La terapia CAR-T utiliza los propios linfocitos T del paciente, reprogramados para reconocer la leucemia."),
   ("H", 500, "A stem cell transplant replaces the bone marrow with healthy cells from a donor.",
    [("the bone marrow", "bone marrow")], "",
    "Un trasplante de células madre sustituye la médula ósea por células sanas de un donante."),
   ("H", 800, "We choose using MRD, the genetics of the leukaemia, and the patient's health.",
    [("MRD,", "MRT"), ("leukaemia,", "look emia")], "lc",
    "Elegimos según la EMR, la genética de la leucemia y la salud del paciente."),
   ("I", 0, "Thank you, Dr Hakobyan.",
    [("Dr Hakobyan", "doctor hako be on")], "",
    "Gracias, doctora Hakobyan."),
  ]),
 dict(
  id="cart-therapy", lang="es", audio_lang="spa", mt_lang="en", mt_format="srt",
  title="Terapia CAR-T: cómo funciona y qué esperar",
  page_title="CAR-T cell therapy explained (Spanish, with English subtitles)",
  date="2025-05-22", published="2025-05-22T08:00:00Z", creation="2025-05-12T10:20:00Z",
  affiliation="Servicio de Hematología, Hospital Universitario de Valdemora",
  summary=("In this Spanish-language interview, haematologist Dr Mateo Álvarez Ruiz describes how CAR-T cell "
           "therapy is made from a patient's own lymphocytes, what the infusion involves, which side effects "
           "the team watches for, and what results look like in acute lymphoblastic leukaemia."),
  colour="0x6a2c70",
  lead_ms=1000, trail_ms=1000, bed=None,
  speakers={
   "E": dict(label="Entrevistadora", name="Lucía Ferrer", role="Entrevistadora", voice="es+f3", speed=150),
   "D": dict(label="Dr. Álvarez", name="Dr. Mateo Álvarez Ruiz", role="Hematólogo", voice="es-419+m3", speed=150),
  },
  sentences=[
   ("E", 700, "Hola y bienvenidos a Voces de Pacientes. Hoy hablamos con el doctor Mateo Álvarez, hematólogo.",
    [("Álvarez,", "Álvarez")], "",
    "Hello and welcome to Voices of Patients. Today we talk with doctor Mateo Álvarez, hematologist."),
   ("E", 600, "Doctor, ¿qué es exactamente la terapia CAR-T?",
    [("CAR-T", "car te")], "cq",
    "Doctor what exactly is the car tea therapy?"),
   ("D", 400, "Es un tratamiento que usa los propios linfocitos T del paciente.",
    [("linfocitos T", "linfocitos te")], "",
    "It is a treatment that uses the patient's own lymphocytes you."),
   ("D", 900, "En el laboratorio les añadimos un receptor que reconoce una proteína de las células del cáncer, por ejemplo CD19.",
    [("CD19", "cede 19")], "c",
    "In the laboratory we add them a receptor that recognizes a protein of the cancer cells for example cede 19."),
   ("E", 500, "¿Cómo es el proceso para el paciente?",
    [("¿Cómo", "como")], "p",
    "how is the process for the patient"),
   ("D", 500, "Primero se recogen los linfocitos de la sangre mediante aféresis, que dura unas horas.",
    [("aféresis", "a féresis")], "",
    "First the lymphocytes are collected from the blood by a pheresis, which lasts a few hours."),
   ("D", 400, "La fabricación tarda entre tres y cinco semanas, según el centro.",
    [], "",
    "The manufacturing takes between three and five weeks, according to the center."),
   ("D", 1000, "Después, el paciente recibe una quimioterapia suave y una sola infusión de las células.",
    [("y una sola", "y sola")], "c",
    "Then the patient receives a soft chemotherapy and only infusion of the cells."),
   ("E", 600, "¿Qué efectos secundarios preocupan más?",
    [], "",
    "What side effects worry more?"),
   ("D", 400, "El síndrome de liberación de citocinas, que causa fiebre y tensión baja.",
    [("citocinas", "cito sinas")], "",
    "The cytokine release syndrome, which causes fever and low tension."),
   ("D", 2200, "También puede haber confusión o dificultad para hablar, lo que llamamos neurotoxicidad.",
    [("neurotoxicidad", "neuro toxicidad")], "",
    "There can also be confusion or difficulty speaking, what we call neuro toxicity."),
   ("E", 600, "¿Y los resultados en la leucemia linfoblástica aguda?",
    [("leucemia linfoblástica", "leo cemia linfo blástica")], "q",
    "And the results in the acute lymphoblastic leo cemia?"),
   ("D", 600, "Muchos niños y jóvenes con recaída alcanzan la remisión, aunque el seguimiento es largo.",
    [], "",
    "Many children and young people with relapse reach remission, although the follow-up is long."),
   ("E", 0, "¡Muchas gracias, doctor Álvarez!",
    [], "",
    "Thank you very much, doctor Álvarez!"),
  ]),
 dict(
  id="stem-cell-donor", lang="en", audio_lang="eng", mt_lang=None, mt_format=None,
  title="Becoming a stem cell donor: what really happens",
  date="2025-09-03", published="2025-09-03T07:45:00Z", creation="2025-08-27T11:40:00Z",
  affiliation="Northbridge Stem Cell Donor Register",
  summary=("Donor recruitment nurse Grace Okafor explains who can join the stem cell donor register, what "
           "happens when a donor matches a patient, and how stem cells are collected by apheresis or from "
           "bone marrow."),
  colour="0x2a6f4e",
  lead_ms=800, trail_ms=1200,
  bed=dict(kind="room-noise", startMs=0, endMs=None,
           description="quiet pink-noise room tone (about -52 dBFS RMS, peaks about -40 dBFS) under the whole interview"),
  speakers={
   "I": dict(label="Interviewer", name="Interviewer", role="Interviewer", voice="en-us+m3", speed=140),
   "N": dict(label="Grace Okafor", name="Grace Okafor", role="Donor recruitment nurse", voice="en-gb+f4", speed=140),
  },
  sentences=[
   ("I", 600, "Hello, I am here with Grace Okafor, a nurse who looks after stem cell donors.",
    [("Okafor,", "okay for")], "c",
    None),
   ("I", 500, "Grace, who can join the stem cell donor register?",
    [], "lp",
    None),
   ("N", 400, "Most healthy people between seventeen and forty can sign up.",
    [("seventeen and forty", "17 and 40")], "",
    None),
   ("N", 900, "Joining takes a few minutes: you fill in a form and swab the inside of your cheek.",
    [("swab", "swap"), ("minutes:", "minutes")], "",
    None),
   ("I", 500, "What happens if you match a patient?",
    [], "L",
    None),
   ("N", 500, "We call you, check your health, and talk through everything before you agree.",
    [], "c",
    None),
   ("N", 400, "Nine in ten donors give by apheresis, which is a bit like giving blood.",
    [("apheresis", "a ferris is")], "l",
    None),
   ("N", 500, "For four days beforehand you have injections of G-CSF to move stem cells into the blood.",
    [("G-CSF", "G C S F")], "p",
    None),
   ("N", 1000, "A few donors give bone marrow from the hip under general anaesthetic instead.",
    [("general ", "")], "",
    None),
   ("I", 400, "Before we finish, a viewer left an odd comment under our last video, and it said:",
    [], "lc",
    None),
   ("I:175", 2600, "<script>alert(1)</script> <img src=x onerror=alert(2)>",
    [], "",
    None),
   ("N", 500, "That looks like someone testing our website, so please just ignore it.",
    [], "c",
    None),
   ("N", 500, "If you want to help a patient with leukaemia, please join the register.",
    [("leukaemia", "look emia")], "",
    None),
   ("I", 0, "Thank you, Grace.",
    [], "L",
    None),
  ]),
]

BY_ID = {iv["id"]: iv for iv in INTERVIEWS}
RATE = 48000
QUANTUM = 15360

# ----- ASR text -------------------------------------------------------------------------------

def asr_text(text, edits, style):
    out = text
    for wrong_from, heard in edits:
        if wrong_from not in out:
            raise SystemExit(f"ASR edit {wrong_from!r} not found in {text!r}")
        out = out.replace(wrong_from, heard, 1)
    out = re.sub(r"  +", " ", out).strip()
    if "q" in style:
        out = out.replace("¿", "").replace("¡", "")
    if "c" in style:
        out = out.replace(",", "").replace(":", "")
    if "p" in style:
        out = re.sub(r"[.?!]+$", "", out)
    if "L" in style:
        # Tags in the probe stay as spoken; only letters outside <...> are folded.
        out = re.sub(r"[^<]+(?=<|$)", lambda m: m.group(0).lower(), out)
        out = re.sub(r"\bi\b", "I", out)
    elif "l" in style:
        out = out[:1].lower() + out[1:]
    return out

# ----- cue segmentation ---------------------------------------------------------------------------

MAX_LINE = 42
MAX_CUE_MS = 6000

def tokens(text):
    # A tag such as <img src=x onerror=alert(2)> is one token, so lines never break inside it.
    return re.findall(r"(?:<[^>]*>|[^\s<])+", text)

def wrap(toks):
    """Best one- or two-line layout (lines <= 42 chars, balanced), or None if impossible."""
    one = " ".join(toks)
    if len(one) <= MAX_LINE:
        return [one]
    best = None
    for k in range(1, len(toks)):
        a, b = " ".join(toks[:k]), " ".join(toks[k:])
        if len(a) <= MAX_LINE and len(b) <= MAX_LINE:
            # balanced lines, but a line ending at a sentence or clause end reads better
            score = max(len(a), len(b)) - (5 if re.search(r"[,.;:?!]$", a) else 0)
            if best is None or score < best[0]:
                best = (score, [a, b])
    return None if best is None else best[1]

def split_sentence(text, start_ms, end_ms):
    """Cues for one sentence: <= 2 lines x 42 chars, <= 6 s, time proportional to characters."""
    toks = tokens(text)
    total_chars = len(" ".join(toks))
    dur = end_ms - start_ms
    n = max(1, math.ceil(total_chars / (2 * MAX_LINE)), math.ceil(dur / MAX_CUE_MS))
    while True:
        chunks = chunk_tokens(toks, n)
        if chunks is not None and all(wrap(c) for c in chunks):
            break
        n += 1
    cues, done = [], 0
    for i, c in enumerate(chunks):
        chars = len(" ".join(c)) + (1 if i < len(chunks) - 1 else 0)
        s = start_ms + round(dur * done / total_chars)
        done += chars
        e = end_ms if i == len(chunks) - 1 else start_ms + round(dur * done / total_chars)
        cues.append((s, e, wrap(c)))
    return cues

def chunk_tokens(toks, n):
    if n > len(toks):
        return None
    if n == 1:
        return [toks]
    total = len(" ".join(toks))
    chunks, start = [], 0
    for k in range(1, n):
        target = total * k / n
        best, best_cost = None, None
        pos = 0
        for j in range(start + 1, len(toks) - (n - k) + 1):
            pos = len(" ".join(toks[:j]))
            # prefer breaking after punctuation, as subtitlers and ASR segmenters do
            cost = abs(pos - target) - (6 if re.search(r"[,.;:?]$", toks[j - 1]) else 0)
            if best_cost is None or cost < best_cost:
                best, best_cost = j, cost
        chunks.append(toks[start:best])
        start = best
    chunks.append(toks[start:])
    return chunks

def ts(ms, sep=","):
    h, ms = divmod(ms, 3600000)
    m, ms = divmod(ms, 60000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"

def srt(cues):
    blocks = [f"{i}\n{ts(s)} --> {ts(e)}\n" + "\n".join(lines) for i, (s, e, lines) in enumerate(cues, 1)]
    return "\n\n".join(blocks) + "\n"

def vtt(cues, lang):
    blocks = [f"{ts(s, '.')} --> {ts(e, '.')}\n" + "\n".join(lines) for s, e, lines in cues]
    return f"WEBVTT\nKind: captions\nLanguage: {lang}\n\n" + "\n\n".join(blocks) + "\n"

def cues_for(truth, key):
    out = []
    for s in truth["sentences"]:
        out.extend(split_sentence(s[key], s["startMs"], s["endMs"]))
    return out

# ----- commands -----------------------------------------------------------------------------------

def cmd_plan(work):
    """Writes one TSV per interview for bash: index, voice, speed, text to speak."""
    for iv in INTERVIEWS:
        with open(os.path.join(work, iv["id"] + ".plan"), "w", encoding="utf-8") as f:
            for i, (spk, _pause, text, *_rest) in enumerate(iv["sentences"]):
                key, _, speed = spk.partition(":")
                v = iv["speakers"][key]
                f.write(f"{i}\t{v['voice']}\t{speed or v['speed']}\t{text}\n")
    print(" ".join(iv["id"] for iv in INTERVIEWS))

def cmd_layout(work, out_dir, iid):
    """Reads the trimmed sentence lengths (samples), lays the interview out with the scripted pauses,
    writes the sox concatenation list and the ground truth JSON."""
    iv = BY_ID[iid]
    counts = {}
    with open(os.path.join(work, iid + ".counts"), encoding="utf-8") as f:
        for line in f:
            i, n = line.split()
            counts[int(i)] = int(n)
    pieces, sentences = [], []
    pos = round(iv["lead_ms"] * RATE / 1000)
    pieces.append(("silence", pos))
    for i, (spk, pause, text, edits, style, mt) in enumerate(iv["sentences"]):
        n = counts[i]
        pieces.append(("speech", i))
        sp = iv["speakers"][spk.partition(":")[0]]
        sentences.append(dict(
            index=i + 1, speaker=sp["label"], speakerName=sp["name"], voice=sp["voice"],
            espeakSpeed=int(spk.partition(":")[2] or sp["speed"]),
            startMs=round(pos * 1000 / RATE), endMs=round((pos + n) * 1000 / RATE),
            startSample=pos, endSample=pos + n,
            text=text, asrText=asr_text(text, edits, style),
            asrErrors=[dict(correct=a, heard=b) for a, b in edits],
            **({"translation": mt, "translationLang": iv["mt_lang"]} if mt else {})))
        pos += n
        gap = round((pause if i < len(iv["sentences"]) - 1 else iv["trail_ms"]) * RATE / 1000)
        pieces.append(("silence", gap))
        pos += gap
    pad = (-pos) % QUANTUM           # see QUANTUM in make-samples.sh
    pieces.append(("silence", pad))
    pos += pad
    with open(os.path.join(work, iid + ".pieces"), "w", encoding="utf-8") as f:
        for kind, v in pieces:
            f.write(f"{kind}\t{v}\n")
    bed = iv["bed"]
    if bed is not None:
        bed = dict(bed)
        if bed["endMs"] is None:
            bed["endMs"] = round(pos * 1000 / RATE)
    truth = dict(
        id=iid, title=iv["title"], language=iv["lang"], audioLanguage=iv["audio_lang"],
        durationMs=round(pos * 1000 / RATE), durationSamples=pos, sampleRate=RATE,
        speakers=[dict(label=s["label"], name=s["name"], role=s["role"], voice=s["voice"],
                       espeakSpeed=s["speed"]) for s in iv["speakers"].values()],
        background=bed,
        note=("Times are exact: every sentence was synthesised separately with espeak-ng, its leading and "
              "trailing silence trimmed, and the pieces concatenated with scripted pauses. asrText is what "
              "the sample ASR captions say; text is what was actually spoken."),
        sentences=sentences)
    with open(os.path.join(out_dir, iid + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=2)
        f.write("\n")
    # bash needs the duration and the speaker turns for the video's lower third
    with open(os.path.join(work, iid + ".turns"), "w", encoding="utf-8") as f:
        f.write(f"{pos / RATE:.6f}\n")
        for s in sentences:
            f.write(f"{s['speakerName']}\t{s['startMs'] / 1000:.3f}\t{s['endMs'] / 1000:.3f}\n")

def cmd_texts(work, out_dir, iid):
    """Captions, transcript, interview page, slide texts."""
    iv = BY_ID[iid]
    with open(os.path.join(out_dir, iid + ".truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    write(out_dir, f"{iid}.{iv['lang']}.srt", srt(cues_for(truth, "asrText")))
    if iv["mt_lang"]:
        mt = cues_for(truth, "translation")
        name = f"{iid}.{iv['mt_lang']}.{iv['mt_format']}"
        write(out_dir, name, srt(mt) if iv["mt_format"] == "srt" else vtt(mt, iv["mt_lang"]))
    paragraphs = []
    for s in truth["sentences"]:
        if paragraphs and paragraphs[-1][0] == s["speaker"]:
            paragraphs[-1][1].append(s["text"])
        else:
            paragraphs.append((s["speaker"], [s["text"]]))
    if iid == "cart-therapy":
        md = "\n\n".join(f"**{who}:** " + " ".join(t) for who, t in paragraphs) + "\n"
        write(work, iid + ".transcript.md", md)
    else:
        write(out_dir, iid + ".transcript.txt" if iid == "all-remission" else None,
              "\n\n".join(f"{who}: " + " ".join(t) for who, t in paragraphs) + "\n")
    write(out_dir, iid + ".html", page(iv))
    expert = [s for s in iv["speakers"].values() if s["role"] not in ("Interviewer", "Entrevistadora")][0]
    write(work, iid + ".meta", "\t".join([iv["title"], expert["name"], iv["creation"], iv["audio_lang"], iv["colour"]]) + "\n")
    title = iv["title"]
    write(work, iid + ".title.txt", "\n".join(wrap_text(title, 34)))
    expert = [s for k, s in iv["speakers"].items() if s["role"] not in ("Interviewer", "Entrevistadora")][0]
    write(work, iid + ".speaker.txt", expert["name"] + "\n" + "\n".join(wrap_text(iv["affiliation"], 58)))

def wrap_text(text, width):
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    return lines + [cur]

def write(d, name, content):
    if name is None:
        return
    with open(os.path.join(d, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(content)

def page(iv):
    e = html.escape
    expert = [s for s in iv["speakers"].values() if s["role"] not in ("Interviewer", "Entrevistadora")][0]
    title = iv.get("page_title", iv["title"])
    from datetime import date
    d = date.fromisoformat(iv["date"])
    human = f"{d.day} {d.strftime('%B')} {d.year}"
    lang_note = ("<p class=\"lang-note\">This interview is in Spanish. English subtitles are machine translated. "
                 "Original title: <em lang=\"es\">" + e(iv["title"]) + "</em></p>") if iv["lang"] == "es" else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(title)} | Patient Voices</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="{e(expert['name'])}">
<meta name="description" content="{e(iv['summary'])}">
<meta property="og:title" content="{e(title)}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{iv['published']}">
<meta property="article:section" content="Video interviews">
<link rel="stylesheet" href="/assets/site.css">
<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({{"page": "interview"}});</script>
</head>
<body>
<div class="cookie-banner">We use cookies to understand how our pages are used. <a href="/cookies">Cookie settings</a> <button>Accept all</button></div>
<header class="site-header">
  <a class="logo" href="/">Patient Voices</a>
  <nav aria-label="Main">
    <ul>
      <li><a href="/conditions">Conditions A–Z</a></li>
      <li><a href="/videos">Video interviews</a></li>
      <li><a href="/support">Support and helplines</a></li>
      <li><a href="/about">About us</a></li>
      <li><a href="/donate">Donate</a></li>
    </ul>
  </nav>
  <form class="search" action="/search"><input name="q" placeholder="Search our site"><button>Search</button></form>
</header>
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/videos">Video interviews</a> › {e(title)}</nav>
<main>
<article>
  <h1>{e(title)}</h1>
  <dl class="interview-meta">
    <dt>Speaker:</dt><dd class="speaker">{e(expert['name'])}, {e(expert['role'].lower() if iv['lang'] == 'en' else 'haematologist')}</dd>
    <dt>Affiliation:</dt><dd class="affiliation">{e(iv['affiliation'])}</dd>
    <dt>Date:</dt><dd><time datetime="{iv['date']}">{human}</time></dd>
  </dl>
  <div class="video"><video controls preload="metadata" src="{iv['id']}.mp4"></video></div>
  <p class="summary">{e(iv['summary'])}</p>
  {lang_note}
  <p class="disclaimer">Captions on this video were produced by automatic speech recognition and may contain errors.
  This interview is general information and does not replace advice from your own care team.</p>
  <p class="share">Share: <a href="#">Email</a> · <a href="#">Facebook</a> · <a href="#">Copy link</a></p>
</article>
<aside class="related">
  <h2>Related</h2>
  <ul>
    <li><a href="/videos">More video interviews</a></li>
    <li><a href="/conditions/leukaemia">Leukaemia: an overview</a></li>
    <li><a href="/support">Talk to a specialist nurse</a></li>
  </ul>
</aside>
</main>
<footer class="site-footer">
  <p>Was this page helpful? <a href="/feedback">Yes</a> / <a href="/feedback">No</a></p>
  <p>Page last reviewed: {human}. Next review due in three years.</p>
  <p>© {d.year} Patient Voices (sample publisher). Registered charity no. 0000000 (fictional).
  <a href="/privacy">Privacy</a> · <a href="/accessibility">Accessibility</a> · <a href="/contact">Contact</a></p>
</footer>
</body>
</html>
"""

def cmd_verify(out_dir, facts_path):
    """Checks the committed files: MP4 streams, tags, size and loudness; caption syntax, cue limits,
    timing against the truth. Writes durations for the README."""
    bad, facts = [], {}
    for iv in INTERVIEWS:
        name = iv["id"] + ".mp4"
        path = os.path.join(out_dir, name)
        size = os.path.getsize(path)
        if size > 1_000_000:
            bad.append(f"{name}: {size} bytes > 1 MB")
        pr = json.loads(subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                                        "-show_streams", path], capture_output=True, check=True).stdout)
        dur = float(pr["format"]["duration"])
        facts[name] = f"{dur:.2f} s"
        if not 60 <= dur <= 90:
            bad.append(f"{name}: duration {dur} s not in 60–90 s")
        codecs = sorted(s["codec_name"] for s in pr["streams"])
        if codecs != ["aac", "h264"]:
            bad.append(f"{name}: streams {codecs}")
        a = [s for s in pr["streams"] if s["codec_type"] == "audio"][0]
        if a.get("tags", {}).get("language") != iv["audio_lang"] or a["channels"] != 1 or int(a["bit_rate"]) > 64000:
            bad.append(f"{name}: audio stream {a.get('tags')} channels={a['channels']} bit_rate={a['bit_rate']}")
        tags = pr["format"].get("tags", {})
        if tags.get("title") != iv["title"] or not tags.get("creation_time", "").startswith(iv["creation"][:19]):
            bad.append(f"{name}: container tags {tags}")
        pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "wav", "-"], capture_output=True, check=True).stdout
        stat = subprocess.run(["sox", "-t", "wav", "-", "-n", "stat"], input=pcm, capture_output=True).stderr.decode()
        rms = float(re.search(r"RMS\s+amplitude:\s+([0-9.]+)", stat).group(1))
        facts[name + ":rms"] = rms
        if rms < 0.02:
            bad.append(f"{name}: audio RMS amplitude {rms} looks silent")
        truth = json.load(open(os.path.join(out_dir, iv["id"] + ".truth.json"), encoding="utf-8"))
        if abs(truth["durationMs"] - dur * 1000) > 50:
            bad.append(f"{name}: duration {dur} s but truth says {truth['durationMs']} ms")
        print(f"{name}: {size} bytes, {dur:.2f} s, {codecs}, audio {a['sample_rate']} Hz {a['bit_rate']} b/s "
              f"lang={a['tags'].get('language')}, RMS {rms:.3f}")
    ts_re = re.compile(r"^(\d\d):(\d\d):(\d\d)[,.](\d{3}) --> (\d\d):(\d\d):(\d\d)[,.](\d{3})$")
    def ms(g):
        return ((int(g[0]) * 60 + int(g[1])) * 60 + int(g[2])) * 1000 + int(g[3])
    for iv in INTERVIEWS:
        iid = iv["id"]
        truth = json.load(open(os.path.join(out_dir, iid + ".truth.json"), encoding="utf-8"))
        files = [f"{iid}.{iv['lang']}.srt"] + ([f"{iid}.{iv['mt_lang']}.{iv['mt_format']}"] if iv["mt_lang"] else [])
        for name in files:
            raw = open(os.path.join(out_dir, name), "rb").read()
            text = raw.decode("utf-8")
            if raw.startswith(b"\xef\xbb\xbf") or "\r" in text:
                bad.append(f"{name}: BOM or CR found")
            is_vtt = name.endswith(".vtt")
            blocks = text.rstrip("\n").split("\n\n")
            if is_vtt:
                if not blocks[0].startswith("WEBVTT"):
                    bad.append(f"{name}: no WEBVTT header")
                blocks = blocks[1:]
            prev_end, cues = -1, []
            for n, b in enumerate(blocks, 1):
                lines = b.split("\n")
                if not is_vtt:
                    if lines[0] != str(n):
                        bad.append(f"{name}: cue {n} numbered {lines[0]!r}")
                    lines = lines[1:]
                m = ts_re.match(lines[0])
                if not m or (is_vtt and "," in lines[0]) or (not is_vtt and "." in lines[0]):
                    bad.append(f"{name}: cue {n} bad timing line {lines[0]!r}")
                    continue
                s, e = ms(m.groups()[:4]), ms(m.groups()[4:])
                body = lines[1:]
                if not (s < e and s >= prev_end):
                    bad.append(f"{name}: cue {n} {lines[0]} not after previous cue or empty")
                if e - s > MAX_CUE_MS + 100:
                    bad.append(f"{name}: cue {n} lasts {e - s} ms")
                if not 1 <= len(body) <= 2 or any(len(l) > MAX_LINE or not l.strip() for l in body):
                    bad.append(f"{name}: cue {n} layout {body!r}")
                prev_end = e
                cues.append((s, e, " ".join(body)))
            starts = {c[0] for c in cues}
            ends = {c[1] for c in cues}
            for sen in truth["sentences"]:
                if not any(abs(sen["startMs"] - x) <= 100 for x in starts):
                    bad.append(f"{name}: no cue starts within 100 ms of sentence {sen['index']} ({sen['startMs']} ms)")
                if not any(abs(sen["endMs"] - x) <= 100 for x in ends):
                    bad.append(f"{name}: no cue ends within 100 ms of sentence {sen['index']} ({sen['endMs']} ms)")
            if iid == "stem-cell-donor" and not any("<script>alert(1)</script>" in c[2] and "<img src=x onerror=alert(2)>" in c[2] for c in cues):
                bad.append(f"{name}: XSS probe cue missing")
            facts[name] = f"{len(cues)} cues"
            print(f"{name}: {len(cues)} cues checked")
    json.dump(facts, open(facts_path, "w"), indent=1)
    for b in bad:
        print("FAIL", b)
    if bad:
        sys.exit(1)
    print("all sample checks passed")

def cmd_long_srt(out_srt, *pairs):
    """pairs: srt path, offset ms, ... -> one SRT with renumbered, offset cues."""
    ts_re = re.compile(r"^(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d):(\d\d):(\d\d),(\d{3})$")
    out, n = [], 0
    for path, off in zip(pairs[0::2], pairs[1::2]):
        off = int(off)
        for b in open(path, encoding="utf-8").read().rstrip("\n").split("\n\n"):
            lines = b.split("\n")
            g = ts_re.match(lines[1]).groups()
            s = ((int(g[0]) * 60 + int(g[1])) * 60 + int(g[2])) * 1000 + int(g[3]) + off
            e = ((int(g[4]) * 60 + int(g[5])) * 60 + int(g[6])) * 1000 + int(g[7]) + off
            n += 1
            out.append(f"{n}\n{ts(s)} --> {ts(e)}\n" + "\n".join(lines[2:]))
    write(os.path.dirname(out_srt) or ".", os.path.basename(out_srt), "\n\n".join(out) + "\n")
    print(n)

def error_kind(correct, heard):
    import unicodedata
    def norm(t):
        t = unicodedata.normalize("NFD", t.lower())
        return re.sub(r"[^a-z0-9 ]", "", "".join(c for c in t if not unicodedata.combining(c))).split()
    if re.fullmatch(r"(?:[A-Za-z][. ])+[A-Za-z]?\.?", heard.strip()):
        return "spelled out as letters"
    if re.search(r"\d", heard) and not re.search(r"\d", correct):
        return "numerals"
    if norm(correct) == norm(heard):
        return "punctuation/case/accent"
    cw, hw = correct.split(), heard.split()
    if len(hw) < len(cw) and all(w in cw for w in hw):
        return "dropped word"
    return "misheard"

def cmd_readme(out_dir, facts_path):
    facts = json.load(open(facts_path, encoding="utf-8"))
    rows = []
    for f in sorted(os.listdir(out_dir)):
        p = os.path.join(out_dir, f)
        if os.path.isfile(p) and f != "README.md":
            size = os.path.getsize(p)
            dur = facts.get(f, "")
            rows.append(f"| `{f}` | {size:,} | {dur} |")
    err_rows = []
    for iv in INTERVIEWS:
        for i, (spk, _p, text, edits, style, _mt) in enumerate(iv["sentences"], 1):
            for a, b in edits:
                kind = error_kind(a, b)
                err_rows.append(f"| {iv['id']} | {i} | {kind} | {a.strip()} | {b if b else '(nothing)'} |")
    style_rows = []
    names = dict(l="first letter lowercased", p="final punctuation dropped", c="commas/colons dropped",
                 L="sentence lowercased", q="¿ dropped")
    for iv in INTERVIEWS:
        parts = []
        for i, s in enumerate(iv["sentences"], 1):
            if s[4]:
                parts.append(f"{i}: " + ", ".join(names[c] for c in s[4]))
        style_rows.append(f"- **{iv['id']}** — " + "; ".join(parts))
    tpl = open(os.path.join(os.path.dirname(facts_path), "README.tpl"), encoding="utf-8").read()
    text = (tpl.replace("@FILES@", "\n".join(rows))
               .replace("@ERRORS@", "\n".join(err_rows))
               .replace("@STYLE@", "\n".join(style_rows)))
    write(out_dir, "README.md", text)

cmd, *args = sys.argv[1:]
dict(plan=cmd_plan, layout=cmd_layout, texts=cmd_texts, verify=cmd_verify,
     long_srt=cmd_long_srt, readme=cmd_readme)[cmd.replace("-", "_")](*args)
PY
}

# ---------------------------------------------------------------------------------------------
# Media
# ---------------------------------------------------------------------------------------------

synth() {   # synth ID: one trimmed 48 kHz WAV per sentence, lengths in samples into ID.counts
  local id=$1 idx voice speed text
  : > "$WORK/$id.counts"
  while IFS=$'\t' read -r idx voice speed text; do
    espeak-ng -v "$voice" -s "$speed" -w "$WORK/$id.$idx.raw.wav" "$text"
    # Trimming espeak's leading/trailing silence makes the sentence's start and end exact speech edges.
    sox -R "$WORK/$id.$idx.raw.wav" -r "$RATE" -b 16 "$WORK/$id.$idx.wav" \
      silence 1 0.01 0.1% reverse silence 1 0.01 0.1% reverse gain -3
    echo "$idx $(soxi -s "$WORK/$id.$idx.wav")" >> "$WORK/$id.counts"
  done < "$WORK/$id.plan"
}

assemble() {   # assemble ID: concatenate sentences and exact silences, normalise, add the background bed
  local id=$1 kind v k=0 parts=()
  while IFS=$'\t' read -r kind v; do
    if [[ $kind == speech ]]; then
      parts+=("$WORK/$id.$v.wav")
    elif (( v > 0 )); then
      k=$((k + 1))
      sox -R -n -r "$RATE" -c 1 -b 16 "$WORK/$id.sil$k.wav" trim 0 "${v}s"
      parts+=("$WORK/$id.sil$k.wav")
    fi
  done < "$WORK/$id.pieces"
  sox -R "${parts[@]}" "$WORK/$id.speech.wav" gain -n -3
  local dur; dur=$(head -1 "$WORK/$id.turns")
  case $id in
    all-remission)
      # A short music-like bed: three plucked chords, faded out under the first words.
      sox -R -n -r "$RATE" -c 1 "$WORK/c1.wav" synth 2 pluck C4 pluck E4 pluck G4 remix -
      sox -R -n -r "$RATE" -c 1 "$WORK/c2.wav" synth 2 pluck A3 pluck C4 pluck E4 remix -
      sox -R -n -r "$RATE" -c 1 "$WORK/c3.wav" synth 2 pluck F3 pluck A3 pluck C4 remix -
      sox -R "$WORK/c1.wav" "$WORK/c2.wav" "$WORK/c3.wav" -b 16 "$WORK/$id.bed.wav" norm -26 fade t 0.3 6 3
      sox -R -m -v 1 "$WORK/$id.speech.wav" -v 1 "$WORK/$id.bed.wav" -b 16 "$WORK/$id.wav" trim 0 "$(soxi -s "$WORK/$id.speech.wav")s"
      ;;
    stem-cell-donor)
      # Room tone under everything, as from a quiet office.
      sox -R -n -r "$RATE" -c 1 -b 16 "$WORK/$id.bed.wav" synth "$dur" pinknoise vol 0.012 lowpass 4000
      sox -R -m -v 1 "$WORK/$id.speech.wav" -v 1 "$WORK/$id.bed.wav" -b 16 "$WORK/$id.wav" trim 0 "$(soxi -s "$WORK/$id.speech.wav")s"
      ;;
    *) cp "$WORK/$id.speech.wav" "$WORK/$id.wav" ;;
  esac
}

video() {   # video ID: title slide + speaker lower third, H.264 + AAC mono
  local id=$1 dur title artist created alang colour
  dur=$(head -1 "$WORK/$id.turns")
  IFS=$'\t' read -r title artist created alang colour < "$WORK/$id.meta"
  printf 'PATIENT VOICES · VIDEO INTERVIEW' > "$WORK/$id.brand.txt"
  # One drawtext per speaker, shown while that speaker talks (turns merged across short pauses).
  local lower
  lower=$(python3 - "$WORK/$id.turns" "$WORK" "$id" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8").readlines()[1:]]
spans = {}
for name, s, e in rows:
    s, e = float(s), float(e)
    lst = spans.setdefault(name, [])
    if lst and s - lst[-1][1] < 3.0:
        lst[-1][1] = e
    else:
        lst.append([s, e])
out = []
for k, (name, lst) in enumerate(spans.items()):
    path = f"{sys.argv[2]}/{sys.argv[3]}.spk{k}.txt"
    open(path, "w", encoding="utf-8").write(name)
    expr = "+".join(f"between(t\\,{s:.2f}\\,{e:.2f})" for s, e in lst)
    out.append(f"drawtext=fontfile=FONTB:textfile={path}:fontsize=15:fontcolor=white:x=24:y=229:enable='{expr}'")
print(",".join(out))
PY
)
  lower=${lower//FONTB/$FONT_BOLD}
  cat > "$WORK/$id.vf" <<VF
drawtext=fontfile=$FONT:textfile=$WORK/$id.brand.txt:fontsize=11:fontcolor=white@0.75:x=24:y=18,
drawtext=fontfile=$FONT_BOLD:textfile=$WORK/$id.title.txt:fontsize=21:fontcolor=white:line_spacing=6:x=24:y=58,
drawtext=fontfile=$FONT:textfile=$WORK/$id.speaker.txt:fontsize=12:fontcolor=white@0.9:line_spacing=4:x=24:y=140,
drawbox=x=0:y=220:w=iw:h=34:color=black@0.45:t=fill,
$lower
VF
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=$colour:s=480x270:r=$FPS:d=$dur" -i "$WORK/$id.wav" \
    -filter_script:v "$WORK/$id.vf" -map 0:v -map 1:a -t "$dur" \
    -c:v libx264 -preset veryslow -tune stillimage -crf 30 -g 125 -pix_fmt yuv420p -threads 1 \
    -c:a aac -b:a 48k -ar "$RATE" -ac 1 \
    -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
    -metadata title="$title" -metadata artist="$artist" -metadata creation_time="$created" \
    -metadata:s:a:0 language="$alang" -metadata:s:v:0 language=und \
    -movflags +faststart "$HERE/$id.mp4"
}

long_mode() {   # long_mode MINUTES OUT.mp4
  local minutes=$1 out=$2 total=0 target ids=(all-remission stem-cell-donor) pairs=() d id shift=0 probe=0
  [[ $minutes =~ ^[0-9]+$ && $out == *.mp4 ]] || { echo "usage: make-samples.sh --long N OUT.mp4" >&2; exit 2; }
  target=$((minutes * 60000))
  : > "$WORK/concat.txt"
  while (( total < target )); do
    for id in "${ids[@]}"; do
      d=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["durationMs"])' "$HERE/$id.truth.json")
      echo "file '$HERE/$id.mp4'" >> "$WORK/concat.txt"
      pairs+=("$HERE/$id.en.srt" "$((total + shift))")
      [[ $id == stem-cell-donor ]] && probe=$((total + shift))
      total=$((total + d))
      # Measured with Debian's ffmpeg 5.1: in a stream-copy concat every copy after the first plays
      # its AAC encoder priming (1024 samples = 21.3 ms at 48 kHz), so its speech comes that much later.
      # The shift does not accumulate; it is checked against the decoded audio below.
      shift=21
      (( total < target )) || break
    done
  done
  ffmpeg -hide_banner -loglevel error -y -f concat -safe 0 -i "$WORK/concat.txt" -c copy \
    -metadata title="capdex benchmark material ($minutes min)" -metadata:s:a:0 language=eng \
    -movflags +faststart "$out"
  local cues; cues=$(py long-srt "${out%.mp4}.en.srt" "${pairs[@]}")
  local got; got=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$out")
  echo "wrote $out ($got s; expected $((total / 1000)).$(printf %03d $((total % 1000))) s) and ${out%.mp4}.en.srt ($cues cues)"
  # Check the sync of the last stem-cell-donor copy: the speech onset after its long pause must be
  # within 50 ms of where the SRT says it is.
  python3 - "$out" "$probe" "$HERE/stem-cell-donor.truth.json" <<'PY'
import array, json, subprocess, sys
path, base, truth = sys.argv[1], int(sys.argv[2]), json.load(open(sys.argv[3], encoding="utf-8"))
sens = truth["sentences"]
k = max(range(1, len(sens)), key=lambda i: sens[i]["startMs"] - sens[i - 1]["endMs"])  # after the longest pause
expected = (base + sens[k]["startMs"]) / 1000
t0 = expected - 1.0
pcm = subprocess.run(["ffmpeg", "-v", "error", "-ss", f"{t0:.3f}", "-i", path, "-t", "2", "-f", "s16le",
                      "-ac", "1", "-ar", "48000", "-"], capture_output=True, check=True).stdout
a = array.array("h", pcm)
onset = next(i for i, x in enumerate(a) if abs(x) > 0.03 * 32768) / 48000 + t0
err = (onset - expected) * 1000
print(f"sync check: speech onset at {onset:.3f} s, SRT says {expected:.3f} s ({err:+.0f} ms)")
sys.exit(0 if abs(err) <= 50 else 1)
PY
}

readme_template() { cat <<'TPL'
# capdex sample interviews

Three short, **synthetic** patient-education interviews that the whole project uses: unit and
integration tests, the README demo, the web page and the benchmarks. Everything here is generated by
`make-samples.sh` from texts written for capdex; the voices are espeak-ng, not people, and the
people, hospitals and registers named are fictional.

| id | spoken language | who | what | captions |
|---|---|---|---|---|
| `all-remission` | English | interviewer + Dr Anahit Hakobyan, consultant haematologist | remission in acute lymphoblastic leukaemia (ALL), MRD, blinatumomab, CAR-T, stem cell transplant; music-like bed under the first 6 s | `en` ASR (SRT), `es` MT (WebVTT) |
| `cart-therapy` | Spanish | Lucía Ferrer (interviewer) + Dr. Mateo Álvarez Ruiz, haematologist | CAR-T cell therapy: collection, manufacture, infusion, side effects, results | `es` ASR (SRT), `en` MT (SRT) |
| `stem-cell-donor` | English | interviewer + Grace Okafor, donor recruitment nurse | joining the stem cell donor register, apheresis, bone marrow; quiet room tone throughout; **XSS probe** cue | `en` ASR (SRT) |

## Files

| file | bytes | duration / cues |
|---|---:|---|
@FILES@

Per interview `ID`:

- `ID.mp4` — 480×270, 12.5 fps H.264 (libx264, CRF 30, still-image tune) + AAC-LC mono 48 kHz
  48 kb/s, `+faststart`. A title slide with the speaker and affiliation; a lower third names whoever
  is speaking. Container tags `title`, `artist` (the expert) and `creation_time`; the audio stream is
  tagged `eng` or `spa` (ISO 639-2), the video stream `und`. Each file is padded to a multiple of
  0.32 s so audio (1024-sample AAC frames) and video (80 ms frames) end together, which keeps
  stream-copy concatenation (`--long`) free of drift.
- `ID.LANG.srt` / `ID.LANG.vtt` — "AI" captions. The spoken language's track is ASR-style
  (see the injected errors below); the other language is a machine-translation-style track on the
  same timing. Canonical SRT: numbered from 1, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, blank line between
  cues, UTF-8 without BOM, LF line endings. The VTT has a `WEBVTT` header with `Kind:` and
  `Language:` lines, like YouTube exports. Cues are at most 2 lines × 42 characters and at most 6 s;
  a long sentence is split at word boundaries (preferring punctuation) and its time is shared in
  proportion to characters. The first cue of every sentence starts exactly at the sentence's start
  and the last one ends exactly at its end, so the captions are in sync with the audio to the
  millisecond (sync tests compare against `ID.truth.json`).
- `ID.truth.json` — ground truth for every sentence: `index`, `speaker` (label), `speakerName`,
  `voice`, `startMs`, `endMs` (also `startSample`/`endSample` at 48 kHz), `text` (what was said),
  `asrText` (what the ASR captions say), `asrErrors`, and for interviews with an MT track
  `translation`/`translationLang`. Also the total duration, speakers, and the background bed.
- `ID.html` — the interview's article page on a fictional publisher site: `<title>`,
  `<meta name="author">`, `<meta name="description">` (the summary),
  `<meta property="article:published_time">`, visible `Speaker:`, `Affiliation:` and `Date:` labels,
  plus realistic noise (cookie banner, navigation, breadcrumbs, share links, related links, footer,
  an inline analytics script). The summary is a summary, not a transcript.
- `all-remission.transcript.txt` — the correct, edited transcript: paragraphs labelled
  `Interviewer:` / `Dr Hakobyan:`, proper punctuation and medical terms (what the ASR should have
  said). `cart-therapy.transcript.docx` — the same for the Spanish interview (`Entrevistadora:` /
  `Dr. Álvarez:`, bold labels), made with pandoc, document language `es-ES`.

## Injected ASR errors

Each ASR track is the correct text with these edits (also in `ID.truth.json` as `asrErrors`):

| interview | sentence | kind | said | captioned as |
|---|---:|---|---|---|
@ERRORS@

On top of that the ASR tracks are "auto-style" in places, per sentence:

@STYLE@

The machine translations were written to look like MT of those ASR captions, so some errors
propagate: in `cart-therapy.en.srt` "car te" becomes "car tea therapy", "linfocitos te" becomes
"lymphocytes you", "cede 19" and "leo cemia" stay, "a féresis" becomes "a pheresis", and there are
literal renderings ("soft chemotherapy", "low tension", "What side effects worry more?"), missing
words ("only infusion") and a lowercase, unpunctuated question. `all-remission.es.vtt` is a clean
translation of the correct text (EMR for MRD) — an MT track that does not share the ASR's errors.

The XSS probe: in `stem-cell-donor` the interviewer reads out a spam comment, so one cue (cue 12
of `stem-cell-donor.en.srt`) is literally

```
<script>alert(1)</script>
<img src=x onerror=alert(2)>
```

It is ordinary caption text. Every page, snippet and export must show it as text, never run it.

## How it was made

```
bash samples/make-samples.sh            # rebuild everything here, then verify
bash samples/make-samples.sh --verify   # verify only
```

Authoring-time needs (Debian packages): `espeak-ng`, `sox`, `ffmpeg` (ffmpeg + ffprobe), `pandoc`,
`fonts-dejavu-core`, and `python3` (standard library). capdex itself never calls any of them.

1. Every sentence is synthesised on its own:
   `espeak-ng -v VOICE -s SPEED -w sentence.wav "TEXT"`, then
   `sox -R sentence.wav -r 48000 -b 16 trimmed.wav silence 1 0.01 0.1% reverse silence 1 0.01 0.1% reverse gain -3`
   (leading and trailing silence removed, so the sentence's start and end are real speech edges).
   Voices (espeak word rates; the measured rate of speech is about 140–165 words a minute):
   - `all-remission`: interviewer `en-gb+m3` at 140, Dr Hakobyan `en-us+f2` at 140
   - `cart-therapy`: interviewer `es+f3` at 150, Dr. Álvarez `es-419+m3` at 150
   - `stem-cell-donor`: interviewer `en-us+m3` at 140 (the read-out spam comment at 175),
     Grace Okafor `en-gb+f4` at 140
2. The sentences are concatenated with sox with exact silences between them (0.4–1.0 s, and one
   2.0–2.6 s pause per interview), after a lead-in (0.8–2.2 s) and a tail, normalised with
   `gain -n -3`, and padded to a multiple of 0.32 s. The script counts samples, so it knows every
   sentence's start and end exactly and writes them to `ID.truth.json`.
3. Background: `all-remission` gets three plucked chords (`sox -n synth 2 pluck C4 pluck E4 pluck G4 remix -`,
   then A minor and F major) normalised to -26 dBFS and faded out by 6 s, under the lead-in and the
   first sentence; `stem-cell-donor` gets pink-noise room tone (`synth pinknoise vol 0.012 lowpass 4000`,
   about -52 dBFS RMS) under the whole interview. `cart-therapy` is clean. sox runs with `-R`, so the noise is the same
   on every run.
4. Video: `ffmpeg -f lavfi -i color=c=COLOUR:s=480x270:r=12.5` with `drawtext` (DejaVu Sans) and a
   `drawbox` lower third, `-c:v libx264 -preset veryslow -tune stillimage -crf 30 -g 125 -threads 1`,
   `-c:a aac -b:a 48k -ar 48000 -ac 1`, `-fflags +bitexact`, `-movflags +faststart`, and
   `-metadata title=… -metadata artist=… -metadata creation_time=… -metadata:s:a:0 language=eng|spa`.
5. Captions, truth, transcripts and pages come from the same sentence list (embedded in the script).
   The DOCX: `pandoc -f markdown -t docx --metadata lang=es-ES` with `SOURCE_DATE_EPOCH` fixed.
6. Verification (`--verify`, also run after every build): ffprobe each MP4 (60–90 s, h264 + aac,
   mono, ≤ 64 kb/s, audio language tag, title and creation time), size ≤ 1,000,000 bytes, audio not
   silent (`sox stat` RMS amplitude of the decoded audio ≥ 0.02), every caption file well-formed
   (numbering, timestamp syntax, increasing non-overlapping cues, ≤ 2 lines × 42 chars, ≤ 6 s, no
   BOM/CR), a cue starting and a cue ending within 100 ms of every sentence's start and end in the
   truth, and the XSS probe present.

The build is deterministic on one machine (same tool versions): run it twice and `git status` stays
clean. Other versions of espeak-ng, sox or x264 may produce slightly different audio, so regenerate
all files together, never only some of them.

## Longer material for benchmarks

```
bash samples/make-samples.sh --long 60 /tmp/bench/long.mp4
```

concatenates `all-remission.mp4` and `stem-cell-donor.mp4` alternately (ffmpeg concat demuxer,
`-c copy`, English audio only, so one audio language tag is true for the whole file) until the
result is at least N minutes long, and writes `/tmp/bench/long.en.srt` with all their ASR cues,
renumbered and offset by the exact start of each copy. In a stream-copy concat every copy after the
first also plays its AAC priming (1024 samples, 21.3 ms; measured with Debian's ffmpeg 5.1, it does
not accumulate), so those copies' cues are offset 21 ms more. The script then checks the sync: it
decodes the last `stem-cell-donor` copy around the sentence after its long pause and prints how far
the speech onset is from the SRT time (it fails above 50 ms; typically +3 ms, the onset threshold).
60 minutes take a few seconds (about 30 MB); do not commit the output.

## Licence

The interview texts, translations, pages and this script are our own work, released under the
Apache License 2.0 like the rest of the repository. The generated audio/video contain only
espeak-ng speech, sox-synthesised sounds and DejaVu-font text (DejaVu fonts are under a free
licence that allows this). Nothing here is medical advice.
TPL
}

main() {
  for t in espeak-ng:espeak-ng sox:sox soxi:sox ffmpeg:ffmpeg ffprobe:ffmpeg python3:python3; do need "${t%%:*}" "${t##*:}"; done
  case ${1:-} in
    --long) [[ $# -eq 3 ]] || { echo "usage: make-samples.sh --long N OUT.mp4" >&2; exit 2; }; long_mode "$2" "$3"; return ;;
    --verify) py verify "$HERE" "$WORK/facts.json"; return ;;
    "") ;;
    *) echo "usage: make-samples.sh [--verify | --long N OUT.mp4]" >&2; exit 2 ;;
  esac
  need pandoc pandoc
  [[ -f $FONT && -f $FONT_BOLD ]] || { echo "make-samples: DejaVu fonts needed (apt-get install fonts-dejavu-core)" >&2; exit 2; }
  local ids id
  ids=$(py plan "$WORK")
  for id in $ids; do
    echo "== $id"
    synth "$id"
    py layout "$WORK" "$HERE" "$id"
    assemble "$id"
    py texts "$WORK" "$HERE" "$id"
    video "$id"
  done
  pandoc -f markdown -t docx --metadata lang=es-ES -o "$HERE/cart-therapy.transcript.docx" "$WORK/cart-therapy.transcript.md"
  py verify "$HERE" "$WORK/facts.json"
  readme_template > "$WORK/README.tpl"
  py readme "$HERE" "$WORK/facts.json"
}

main "$@"
