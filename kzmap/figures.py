def extract_figures(article, spans, partner_mentions=()):
    return []
