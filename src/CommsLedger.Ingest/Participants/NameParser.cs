using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Participants;

/// <summary>Reads a personal name from tokens: capitalised words, initials, particles (bin, von der), hyphens, ", Jr.".</summary>
internal static class NameParser
{
    private const int _maxNameWords = 6;

    private static readonly HashSet<string> _particles = new(StringComparer.Ordinal)
    {
        "bin", "bint", "ibn", "al", "el", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "ter", "y",
    };

    private static readonly HashSet<string> _suffixes = new(StringComparer.Ordinal) { "Jr", "Sr", "II", "III", "IV", "MP" };

    private static readonly HashSet<string> _notNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "And", "Or", "But", "Of", "With", "In", "On", "At", "For", "To", "As", "By", "From", "During", "After", "Before",
        "Since", "While", "When", "Both", "This", "That", "These", "Those", "He", "She", "They", "His", "Her", "Their", "It", "Its", "We",
        "Our", "I", "My", "You", "Your", "Next", "Last", "Also", "However", "Meanwhile", "Moreover", "Furthermore", "Noting", "Speaking",
        "According", "Yesterday", "Today", "Tomorrow", "Tonight", "Earlier", "Later", "Call", "Calls", "Meeting", "Meetings", "Readout",
        "Visit", "Talks", "Statement", "Conversation", "Telephone", "Phone", "Video", "Summit", "Joint", "Press", "Release", "Office",
        "Ministry", "Department", "Government", "House", "Council", "Commission", "Party", "Union", "Republic", "Kingdom", "Group",
        "Corporation", "Company", "Bank", "Organization", "Organisation", "Expo", "Initiative", "Forum", "Federation", "States", "Nations",
        "United", "Affairs", "Foreign", "Readouts", "Letter", "Message", "Agency", "News", "Xinhua", "Reuters", "AP", "AFP", "COVID",
        "BRI", "UN", "NATO", "ASEAN", "WHO", "WTO", "G20", "G7", "APEC", "BRICS", "SCO", "OPEC", "IMF", "CIIE", "MOU", "MoU", "PM",
        "Belt", "Road", "Sea", "Ocean", "Strait", "Gulf", "Peninsula", "Island", "Islands", "Pacific", "Atlantic", "Indo", "Asia", "Africa",
        "Europe", "America", "Latin", "Middle", "East", "West", "North", "South", "Northern", "Southern", "Eastern", "Western", "Central",
        "Dialogue", "Conference", "Assembly", "Parliament", "Congress", "Senate", "Secretariat", "Embassy", "Mission", "Palace",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "Excellency", "Majesty", "Highness", "Royal", "Mr", "Mrs", "Ms", "Dr", "Madam", "Spokesperson", "Shri", "Smt", "Hon", "Rt",
        "Both", "All", "Each", "Every", "Such", "Some", "Many", "More", "Most", "Chinese", "Lord", "Lady", "Sir", "Dame",
        "Counterpart", "Counterparts", "Leaders", "Ministers", "Sides", "Side", "Peoples", "People", "Pandemic", "Vaccine",
        // Spanish and French function words and calendar words that open sentences
        "El", "La", "Los", "Las", "Lo", "Un", "Una", "Le", "Les", "Une", "Des", "Du", "De", "Del", "En", "Este", "Esta", "Estos", "Estas",
        "Ese", "Esa", "Ambos", "Ambas", "Según", "Luego", "También", "Tras", "Durante", "Después", "Antes", "Asimismo", "Además", "Por",
        "Para", "Con", "Sin", "Sobre", "Hoy", "Ayer", "Mañana", "Él", "Ella", "Ellos", "Ellas", "Su", "Sus", "Se", "Al", "Lors", "Au", "Aux",
        "Dans", "Selon", "Cette", "Ce", "Ces", "Cet", "Il", "Elle", "Ils", "Elles", "Son", "Sa", "Ses", "Leur", "Leurs", "Aujourd'hui",
        "Hier", "Demain", "Après", "Avant", "Pendant", "Ainsi", "Enfin", "Par", "Pour", "Avec", "Sur", "Et", "Y", "Ou", "Mais", "Nous",
        "Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi",
        "Samedi", "Dimanche", "Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Septiembre", "Setiembre",
        "Octubre", "Noviembre", "Diciembre", "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre",
        "Octobre", "Novembre", "Décembre", "Oficina", "Departamento", "Ministerio", "Gobierno", "Cancillería", "Ministère", "Gouvernement",
        "Consejo", "Conseil", "Comisión", "Commission", "Unión", "Naciones", "Unidas", "Nations", "Unies", "Asamblea", "Assemblée",
        "Cumbre", "Sommet", "Acuerdo", "Accord", "Alianza", "Alliance", "Estado", "État", "Estados", "États", "República", "République",
        "Homólogo", "Homologue", "Portavoz", "Síntesis", "Comunicado", "Communiqué", "Mme", "Sr", "Sra", "Señor", "Señora", "Monsieur", "Madame",
    };

    public readonly record struct ParsedName(int Start, int End, IReadOnlyList<string> Keys, char? Gender);

    /// <summary>Parses a name starting at token <paramref name="start"/> (honorifics first); countries, titles and function words end it.</summary>
    public static ParsedName? Parse(IReadOnlyList<Token> tokens, int start, Func<int, bool> isCountryToken)
    {
        var (p, gender) = SkipHonorifics(tokens, start);
        var keys = new List<string>();
        var q = p;
        var last = -1;
        while (q < tokens.Count && keys.Count < _maxNameWords)
        {
            var t = tokens[q];
            if (IsNameWord(t) && !isCountryToken(q))
            {
                if (IsInitial(tokens, q))
                {
                    last = q + 1;
                    q += 2;
                    continue;
                }

                keys.Add(t.Value.ToLowerInvariant());
                last = q;
                q++;
                continue;
            }

            if (t.IsWord && _particles.Contains(t.Value) && keys.Count > 0 && NameAfterParticles(tokens, q) is var resume && resume > 0)
            {
                q = resume;
                continue;
            }

            if (t.Value == "-" && last == q - 1 && q + 1 < tokens.Count && tokens[q + 1].IsWord && tokens[q].Start == tokens[q - 1].End && tokens[q + 1].Start == t.End)
            {
                keys[^1] = keys[^1] + "-" + tokens[q + 1].Value.ToLowerInvariant();
                last = q + 1;
                q += 2;
                continue;
            }

            if (keys.Count > 0 && IsSuffixAt(tokens, q))
            {
                last = tokens[q].Value == "," ? q + 1 : q;
                q = last + 1;
                if (q < tokens.Count && tokens[q].Value == "." && tokens[q].Start == tokens[last].End)
                {
                    last = q;
                    q++;
                }

                break;
            }

            break;
        }

        return keys.Count == 0 ? null : new ParsedName(p, last + 1, keys, gender);
    }

    public static bool IsNameWord(Token t) =>
        t.IsWord && !t.IsPossessive && (char.IsUpper(t.Value[0]))
        && !_notNames.Contains(t.Value) && !TitleLexicon.IsTitleWord(t.Value) && !_notNames.Contains(TitleCase(t.Value));

    private static int NameAfterParticles(IReadOnlyList<Token> tokens, int q)
    {
        while (q < tokens.Count && tokens[q].IsWord && _particles.Contains(tokens[q].Value))
        {
            q++;
        }

        return q < tokens.Count && IsNameWord(tokens[q]) ? q : -1;
    }

    private static bool IsInitial(IReadOnlyList<Token> tokens, int q) =>
        tokens[q].Value.Length == 1 && q + 1 < tokens.Count && tokens[q + 1].Value == "." && tokens[q + 1].Start == tokens[q].End
        && q + 2 < tokens.Count && IsNameWord(tokens[q + 2]);

    private static bool IsSuffixAt(IReadOnlyList<Token> tokens, int q)
    {
        if (_suffixes.Contains(tokens[q].Value))
        {
            return true;
        }

        return tokens[q].Value == "," && q + 1 < tokens.Count && _suffixes.Contains(tokens[q + 1].Value);
    }

    private static (int Next, char? Gender) SkipHonorifics(IReadOnlyList<Token> tokens, int p)
    {
        char? gender = null;
        while (p < tokens.Count)
        {
            var v = tokens[p].Value;
            if (v is "His" or "Her")
            {
                if (p + 1 < tokens.Count && tokens[p + 1].Value is "Excellency" or "Majesty" or "Royal" or "Highness")
                {
                    gender = v == "His" ? 'm' : 'f';
                    p++;
                    continue;
                }

                break;
            }

            if (!TitleLexicon.Honorifics.Contains(v) && v is not ("Majesty" or "Royal" or "Highness"))
            {
                break;
            }

            gender ??= v switch
            {
                "Mr" or "Mister" or "Sheikh" or "M" or "Sr" or "Señor" or "Monsieur" => 'm',
                "Mrs" or "Ms" or "Miss" or "Madam" or "Mme" or "Sheikha" or "Sra" or "Señora" or "Madame" => 'f',
                _ => null,
            };
            p++;
            if (p < tokens.Count && tokens[p].Value == ".")
            {
                p++;
            }
        }

        return (p, gender);
    }

    private static string TitleCase(string word) =>
        word.Length > 1 ? char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant() : word;
}
